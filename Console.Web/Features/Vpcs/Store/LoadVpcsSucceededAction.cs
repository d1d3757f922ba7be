using NicConsole.Domain.Vpcs;

namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record LoadVpcsSucceededAction(VpcQuery Query, Page<VpcView> Page);
