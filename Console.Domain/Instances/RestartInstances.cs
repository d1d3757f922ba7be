using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

public sealed class RestartInstances(UseCaseServices services) : ChangeInstances(services, Transition.Restarting, JobAction.RestartInstances);
