using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Vpcs.Store;

public sealed class VpcsReducer : ListReducer<VpcsState, VpcView, VpcQuery>;
