namespace NicConsole.Web.Features.Hosts.Store;

public sealed record LoadHostsFailedAction(string Error);
