using NicConsole.Domain.Instances;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record ConnectivityTargetsLoadedAction(string InstanceId, ConnectivityTargets? Targets);
