using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record LoadInstancesSucceededAction(InstanceQuery Query, Page<InstanceView> Page) : LoadListSucceededAction<InstanceView, InstanceQuery>(Query, Page);
