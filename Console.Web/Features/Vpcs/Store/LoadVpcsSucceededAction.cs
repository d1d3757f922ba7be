using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record LoadVpcsSucceededAction(VpcQuery Query, Page<VpcView> Page) : LoadListSucceededAction<VpcView, VpcQuery>(Query, Page);
