namespace NicConsole.Web.Features.Hosts.Store;

public sealed record SelectHostAction(string? Name);
