using NicConsole.Domain.Nics;

namespace NicConsole.Web.Features.Nics.Store;

public sealed record LoadNicsSucceededAction(NicQuery Query, Page<NicView> Page);
