using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Instances.Store;

public sealed class InstancesReducer : ListReducer<InstancesState, InstanceView, InstanceQuery>;
