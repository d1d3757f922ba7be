namespace NicConsole.Web.Features.VxNets.Store;

public sealed record LeaveVpcAction(string VpcId, string VxNetId);
