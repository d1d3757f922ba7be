using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Nics.Store;

public sealed record LoadNicsAction(NicQuery Query) : LoadListAction<NicQuery>(Query);
