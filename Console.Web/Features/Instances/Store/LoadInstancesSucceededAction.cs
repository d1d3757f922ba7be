using NicConsole.Domain.Instances;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record LoadInstancesSucceededAction(InstanceQuery Query, Page<InstanceView> Page);
