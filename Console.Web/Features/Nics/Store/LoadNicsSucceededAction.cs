using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Nics.Store;

public sealed record LoadNicsSucceededAction(NicQuery Query, Page<NicView> Page) : LoadListSucceededAction<NicView, NicQuery>(Query, Page);
