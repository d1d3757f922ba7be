using NicConsole.Domain.Hosts;

namespace NicConsole.Web.Features.Hosts.Store;

public sealed record RegisterHostAction(RegisterHost.Request Request);
