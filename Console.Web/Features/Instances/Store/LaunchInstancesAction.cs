using NicConsole.Domain.Instances;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record LaunchInstancesAction(RunInstances.Request Request);
