using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Vpcs.Store;

/// <summary>The VPC as it is now (null once it is gone) and one page of its VxNets.</summary>
public sealed record VpcDetailLoadedAction(string VpcId, VpcView? Vpc, Page<VxNetView> VxNets);
