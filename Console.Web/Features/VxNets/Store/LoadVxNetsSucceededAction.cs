using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed record LoadVxNetsSucceededAction(VxNetQuery Query, Page<VxNetView> Page) : LoadListSucceededAction<VxNetView, VxNetQuery>(Query, Page);
