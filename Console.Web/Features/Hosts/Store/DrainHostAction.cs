namespace NicConsole.Web.Features.Hosts.Store;

public sealed record DrainHostAction(string Name, bool Drained);
