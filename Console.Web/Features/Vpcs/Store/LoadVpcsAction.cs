using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record LoadVpcsAction(VpcQuery Query) : LoadListAction<VpcQuery>(Query);
