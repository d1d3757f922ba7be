namespace NicConsole.Web.Features.Hosts.Store;

/// <param name="Quiet">A live reload: the list keeps showing while it reads (no loading bar).</param>
public sealed record LoadHostsAction(bool Quiet = false);
