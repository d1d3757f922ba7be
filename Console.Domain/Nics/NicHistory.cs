using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Operations;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

/// <summary>
/// Reads a NIC's timeline out of the operation-log entries that name it. A job's request and its end are two
/// entries; the timeline shows one event, at the request, with the end's result. Where a job put the NIC (server,
/// ethN, address) comes from the facts stored with the job (<see cref="DataPlaneSpec"/>), the same the data plane used.
/// </summary>
public static class NicHistory
{
    private const string ReaddressPrefix = "private_ip ";

    /// <param name="nicId">The NIC, as the log stores it (lower case).</param>
    /// <param name="address">Its address now: the one it was made with, unless a readdress (in the log) moved it.</param>
    /// <param name="log">The entries that name it, oldest first.</param>
    /// <param name="jobs">The stored facts of the jobs those entries name, by job id.</param>
    public static IReadOnlyList<NicTimelineEntry> Of(string nicId, IpAddress address, IReadOnlyList<OperationLogEntry> log, IReadOnlyDictionary<string, DataPlaneSpec> jobs)
    {
        var ends = log.Where(o => o.JobId is not null && o.Result != OperationResult.Accepted)
            .GroupBy(o => o.JobId!).ToDictionary(g => g.Key, g => g.Last());
        var requested = log.Where(o => o.JobId is not null && o.Result == OperationResult.Accepted).Select(o => o.JobId!).ToHashSet();
        var timeline = new List<NicTimelineEntry>();
        foreach (var entry in log)
        {
            if (entry.JobId is { } job && entry.Result != OperationResult.Accepted && requested.Contains(job))
            {
                continue;
            }
            var end = entry.JobId is { } id && entry.Result == OperationResult.Accepted ? ends.GetValueOrDefault(id) : null;
            timeline.AddRange(EventsOf(nicId, entry, end ?? entry, entry.JobId is { } j ? jobs.GetValueOrDefault(j)?.Nic(nicId) : null));
        }
        var firstMove = timeline.FirstOrDefault(e => e.Event == NicEvent.AddressChanged);
        var made = firstMove?.FromIp ?? address;
        return timeline.Select(e => e.Event == NicEvent.Created && e.PrivateIp is null ? e with { PrivateIp = made } : e).ToList();
    }

    private static IEnumerable<NicTimelineEntry> EventsOf(string nicId, OperationLogEntry entry, OperationLogEntry end, NicSpec? placement)
    {
        var instance = placement?.ServerId ?? entry.Resources.FirstOrDefault(r => r.StartsWith("i-", StringComparison.Ordinal));
        NicTimelineEntry Event(NicEvent kind) => new()
        {
            Time = entry.Time,
            User = entry.User,
            Event = kind,
            Result = end.Result,
            FinishTime = end == entry ? null : end.Time,
            Error = end.Result == OperationResult.Failed && end.Detail.Length > 0 ? end.Detail : null,
            JobId = entry.JobId,
            InstanceId = instance,
            Sequence = placement?.Sequence,
            PrivateIp = placement is null ? null : IpAddress.Parse(placement.Address),
        };
        switch (entry.Action)
        {
            case "CreateNics":
                yield return Event(NicEvent.Created) with { VxNetId = entry.Resources.FirstOrDefault(r => r.StartsWith("vxnet-", StringComparison.Ordinal)) };
                break;
            case nameof(JobAction.RunInstances):
                yield return Event(NicEvent.Created);
                break;
            case nameof(JobAction.AttachNics):
                yield return Event(NicEvent.Attached);
                break;
            case nameof(JobAction.DetachNics):
                yield return Event(NicEvent.Detached);
                break;
            case nameof(JobAction.TerminateInstances):
                yield return Event(NicEvent.ReleasedWithServer);
                break;
            case "ModifyNicAttributes":
                foreach (var change in ChangesOf(entry.Detail))
                {
                    yield return change(Event(NicEvent.Renamed));
                }
                break;
        }
    }

    /// <summary>The parts of a modify entry's detail: <c>private_ip a/ip -&gt; b/ip; name=…; description=…</c>.</summary>
    private static IEnumerable<Func<NicTimelineEntry, NicTimelineEntry>> ChangesOf(string detail)
    {
        var rest = detail;
        if (rest.StartsWith(ReaddressPrefix, StringComparison.Ordinal))
        {
            var end = rest.IndexOf("; ", StringComparison.Ordinal);
            var moved = (end < 0 ? rest : rest[..end])[ReaddressPrefix.Length..].Split(" -> ");
            rest = end < 0 ? "" : rest[(end + 2)..];
            if (moved.Length == 2)
            {
                var (fromVxNet, fromIp) = Address(moved[0]);
                var (toVxNet, toIp) = Address(moved[1]);
                yield return e => e with { Event = NicEvent.AddressChanged, FromVxNetId = fromVxNet, FromIp = fromIp, VxNetId = toVxNet, PrivateIp = toIp };
            }
        }
        // The name comes first and may hold "; ", so the description is found from its own key.
        var description = rest.StartsWith("description=", StringComparison.Ordinal) ? 0 : rest.LastIndexOf("; description=", StringComparison.Ordinal);
        var name = description == 0 ? null : description < 0 ? rest : rest[..description];
        if (name is not null && name.StartsWith("name=", StringComparison.Ordinal))
        {
            yield return e => e with { Event = NicEvent.Renamed, Text = name["name=".Length..] };
        }
        if (description >= 0)
        {
            var text = rest[(description == 0 ? 0 : description + 2)..]["description=".Length..];
            yield return e => e with { Event = NicEvent.DescriptionChanged, Text = text };
        }
    }

    private static (string? VxNetId, IpAddress? Ip) Address(string text)
    {
        var slash = text.LastIndexOf('/');
        var vxnet = slash < 0 ? null : text[..slash];
        return (vxnet, IpAddress.TryParse(slash < 0 ? text : text[(slash + 1)..], out var ip) ? ip : null);
    }
}
