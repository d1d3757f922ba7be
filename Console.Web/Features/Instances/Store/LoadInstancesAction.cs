using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record LoadInstancesAction(InstanceQuery Query) : LoadListAction<InstanceQuery>(Query);
