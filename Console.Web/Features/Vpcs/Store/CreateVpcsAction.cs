namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record CreateVpcsAction(string Name, string Network);
