namespace NicConsole.Web.Features.Vpcs.Store;

/// <summary>Opens the detail drawer on a VPC, or reads the open one again.</summary>
public sealed record LoadVpcDetailAction(string VpcId);
