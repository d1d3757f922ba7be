namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record SelectVpcsAction(IReadOnlyCollection<string> VpcIds);
