namespace NicConsole.Web.Features.Hosts.Store;

public sealed record RemoveHostAction(string Name);
