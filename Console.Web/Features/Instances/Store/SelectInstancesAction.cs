using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Instances.Store;

public sealed record SelectInstancesAction(IReadOnlyCollection<string> Ids) : SelectListAction<InstanceQuery>(Ids);
