using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed record LoadVxNetsAction(VxNetQuery Query) : LoadListAction<VxNetQuery>(Query);
