namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record DeleteVpcsAction(IReadOnlyList<string> VpcIds);
