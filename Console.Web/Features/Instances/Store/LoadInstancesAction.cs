using NicConsole.Domain.Instances;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record LoadInstancesAction(InstanceQuery Query);
