namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record ModifyVpcAction(string VpcId, string Name, string Description);
