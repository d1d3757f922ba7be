using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// A job's part on other hosts: done when each of those hosts' agents reports having applied its host's present desired
/// state (which, from the job's acceptance on, includes the job's effect), compared once per report, not once per poll. A host whose agent does not report in time
/// fails the job: "host h2 is offline" when it is, else that its agent did not apply the change.
/// </summary>
public sealed class AgentApplies(
    IDbContextFactory<ConsoleDbContext> factory,
    HostStates states,
    HostReports reports,
    IOptionsMonitor<HostsOptions> hosts,
    IOptionsMonitor<DataPlaneOptions> dataPlane,
    HostDirectory directory,
    TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Each server <paramref name="spec"/> names that is on another host than this node's own, with its host: one query,
    /// none at all while this node's host is the only one.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> RemoteServersAsync(DataPlaneSpec spec, CancellationToken cancellationToken)
    {
        var ids = spec.Servers.Select(s => s.Id).Concat(spec.Nics.Select(n => n.ServerId)).Distinct().ToList();
        var local = dataPlane.CurrentValue.Host;
        if (ids.Count == 0 || await directory.IsOnlyHostAsync(local, cancellationToken))
        {
            return new Dictionary<string, string>();
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Instances.IgnoreQueryFilters().WhereIn(i => i.Id, ids).Where(i => i.HostId != local)
            .ToDictionaryAsync(i => i.Id, i => i.HostId, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Waits, up to <paramref name="limit"/>, for the agents of the hosts of <paramref name="remote"/> (from <see cref="RemoteServersAsync"/>); returns why not, or null.</summary>
    public async Task<string?> AwaitAsync(IReadOnlyDictionary<string, string> remote, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (!hosts.CurrentValue.WaitForAgents)
        {
            return null;
        }
        var until = time.GetTimestamp() + (long)(limit.TotalSeconds * time.TimestampFrequency);
        foreach (var host in remote.Values.Distinct().Order(StringComparer.Ordinal))
        {
            // The host's present state is read again only when its agent has reported since: a report that matches it
            // applied the job (accepted before this runs, so the present state includes it).
            long judged = 0;
            while (true)
            {
                if (reports.Last(host) is { Report: var report, Number: var number } && number != judged)
                {
                    judged = number;
                    if (report.Errors.Count == 0 && report.ETag == (await states.ForHostAsync(host, cancellationToken)).ETag)
                    {
                        break;
                    }
                }
                if (time.GetTimestamp() >= until)
                {
                    return await IsOnlineAsync(host, cancellationToken)
                        ? $"host {host}'s agent did not apply the change within {limit.TotalSeconds:0} s"
                          + (reports.Last(host) is { Report.Errors: [var first, ..] } ? $": {first}" : "")
                        : DomainErrors.HostOffline(host).EnglishMessage;
                }
                await Task.Delay(Poll, time, cancellationToken);
            }
        }
        return null;
    }

    private async Task<bool> IsOnlineAsync(string host, CancellationToken cancellationToken) =>
        (await directory.HostsAsync(cancellationToken)).GetValueOrDefault(host);
}
