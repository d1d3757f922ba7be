using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Overview.Store;

public sealed record LoadOverviewSucceededAction(Page<VpcView> Vpcs, Page<VxNetView> VxNets, Page<NicView> Nics, Page<InstanceView> Instances);
