using NicConsole.Domain.Changes;

namespace NicConsole.Web.Features.Hosts;

/// <summary>Which committed changes the hosts page shows: a host's own, a server that came, went or changed state (its host's count), a NIC that moved (its host's NIC count).</summary>
public static class HostChanges
{
    public static bool Shows(ResourceChange change) =>
        change.Touched is null
        || change.Touched.Any(t => t.Kind == ResourceKinds.Host
            || (t.Kind == ResourceKinds.Instance && t.Recounts)
            || (t.Kind == ResourceKinds.Nic && (t.Moved || t.Was is null || t.Now is null)));
}
