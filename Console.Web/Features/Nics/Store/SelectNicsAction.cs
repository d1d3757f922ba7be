using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Nics.Store;

public sealed record SelectNicsAction(IReadOnlyCollection<string> Ids) : SelectListAction<NicQuery>(Ids);
