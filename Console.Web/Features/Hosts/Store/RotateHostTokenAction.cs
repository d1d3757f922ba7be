namespace NicConsole.Web.Features.Hosts.Store;

public sealed record RotateHostTokenAction(string Name);
