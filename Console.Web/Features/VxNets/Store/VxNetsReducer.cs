using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed class VxNetsReducer : ListReducer<VxNetsState, VxNetView, VxNetQuery>;
