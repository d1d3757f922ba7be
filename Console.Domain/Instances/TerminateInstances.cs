using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

public sealed class TerminateInstances(UseCaseServices services) : ChangeInstances(services, Transition.Terminating, JobAction.TerminateInstances);
