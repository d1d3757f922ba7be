using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed record LoadVxNetsSucceededAction(VxNetQuery Query, Page<VxNetView> Page);
