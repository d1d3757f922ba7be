namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record LoadVpcDetailFailedAction(string VpcId, string Error);
