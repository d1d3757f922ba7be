using NicConsole.Domain.Vpcs;

namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record LoadVpcsAction(VpcQuery Query);
