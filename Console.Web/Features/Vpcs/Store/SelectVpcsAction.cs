using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record SelectVpcsAction(IReadOnlyCollection<string> Ids) : SelectListAction<VpcQuery>(Ids);
