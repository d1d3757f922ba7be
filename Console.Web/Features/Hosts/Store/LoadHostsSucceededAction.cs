using NicConsole.Domain.Hosts;

namespace NicConsole.Web.Features.Hosts.Store;

public sealed record LoadHostsSucceededAction(IReadOnlyList<HostView> Hosts);
