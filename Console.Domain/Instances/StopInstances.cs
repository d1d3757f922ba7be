using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

public sealed class StopInstances(UseCaseServices services) : ChangeInstances(services, Transition.Stopping, JobAction.StopInstances);
