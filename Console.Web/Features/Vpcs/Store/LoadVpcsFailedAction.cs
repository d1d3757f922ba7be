namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record LoadVpcsFailedAction(string Error);
