using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

public sealed class StartInstances(UseCaseServices services) : ChangeInstances(services, Transition.Starting, JobAction.StartInstances);
