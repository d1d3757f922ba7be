using NicConsole.Domain.Instances;
using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Nics.Store;

public sealed record NicFormsLoadedAction(IReadOnlyList<VxNetView> VxNets, IReadOnlyList<InstanceView> Servers, VxNetView? BasicNetwork = null);
