using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared.Lists;

namespace NicConsole.Web.Features.Vpcs.Store;

public sealed record LoadVpcsFailedAction(string Error) : LoadListFailedAction<VpcQuery>(Error);
