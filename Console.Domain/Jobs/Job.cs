using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;

namespace NicConsole.Domain.Jobs;

/// <summary>An asynchronous operation: accepted with its reservation made, then applied by the data plane.</summary>
public sealed class Job
{
    private Job()
    {
    }

    public Job(string id, JobAction action, IEnumerable<string> resourceIds, string directive, DataPlaneSpec spec, string zone, string owner, string tenant, DateTime now,
        string? traceParent = null)
    {
        Id = id;
        TraceParent = traceParent;
        Action = action;
        ResourceIds = string.Join(' ', resourceIds);
        Directive = directive;
        Work = DataPlaneJson.Write(spec);
        Zone = zone;
        Owner = owner;
        Tenant = tenant;
        Status = JobStatus.Pending;
        CreateTime = StatusTime = now;
    }

    public string Id { get; private set; } = "";
    public JobAction Action { get; private set; }
    public JobStatus Status { get; private set; }
    public string ResourceIds { get; private set; } = "";
    /// <summary>The request as the API's <c>directive</c> shows it.</summary>
    public string Directive { get; private set; } = "";

    /// <summary>What the data plane needs, stored when the job is accepted (<see cref="DataPlaneJson"/>): see <see cref="Spec"/>.</summary>
    public string Work { get; private set; } = "";

    public DataPlaneSpec Spec => DataPlaneJson.Read(Work);
    public string Zone { get; private set; } = "";
    public string Owner { get; private set; } = "";

    /// <summary>The W3C trace context of the request that accepted the job, so the job's span continues its trace.</summary>
    public string? TraceParent { get; private set; }

    /// <summary>The tenant of the resources the job changes.</summary>
    public string Tenant { get; private set; } = "";
    public string? Error { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime StatusTime { get; private set; }

    /// <summary>The node that holds the job while it works, and then the one that ran it.</summary>
    public string? Node { get; private set; }

    /// <summary>Until when the node's hold on a working job lasts; renewed while the job runs.</summary>
    public DateTime? LeaseUntil { get; private set; }

    public IReadOnlyList<string> Resources => ResourceIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public JobLease Start(string node, DateTime now, TimeSpan lease)
    {
        if (Status != JobStatus.Pending)
        {
            throw new DomainException($"Job {Id} is {Status}, not pending.");
        }
        Status = JobStatus.Working;
        Attempts++;
        StatusTime = now;
        Node = node;
        LeaseUntil = now + lease;
        return new JobLease(Id, node, Attempts);
    }

    /// <summary>
    /// <see cref="Start"/> as one UPDATE for a job still pending (the claim of <c>JobRunner</c>): the same columns, and the
    /// row's version, so that a tracked change made meanwhile by anyone else fails as a conflict.
    /// </summary>
    public static void Starting(UpdateSettersBuilder<Job> set, string node, DateTime now, TimeSpan lease) => set
        .SetProperty(j => j.Status, JobStatus.Working)
        .SetProperty(j => j.Attempts, j => j.Attempts + 1)
        .SetProperty(j => j.StatusTime, now)
        .SetProperty(j => j.Node, node)
        .SetProperty(j => j.LeaseUntil, now + lease)
        .SetProperty(j => EF.Property<int>(j, ConsoleDbContext.Version), j => EF.Property<int>(j, ConsoleDbContext.Version) + 1);

    public bool IsHeldBy(JobLease lease) => Status == JobStatus.Working && Node == lease.Node && Attempts == lease.Attempt;

    /// <summary>A working job nobody holds any more: its node stopped renewing (or it predates leases).</summary>
    public bool LeaseExpired(DateTime now) => Status == JobStatus.Working && (LeaseUntil is null || LeaseUntil <= now);

    /// <summary>The holder's heartbeat; false when the job is no longer this lease's (settled, or taken over).</summary>
    public bool Renew(JobLease lease, DateTime now, TimeSpan duration)
    {
        if (!IsHeldBy(lease))
        {
            return false;
        }
        LeaseUntil = now + duration;
        return true;
    }

    /// <summary>A job its node left working is run again, or failed once it has had its tries.</summary>
    public bool Requeue(int maxAttempts, DateTime now)
    {
        if (Status != JobStatus.Working)
        {
            throw new DomainException($"Job {Id} is {Status}, not working.");
        }
        if (Attempts >= maxAttempts)
        {
            return false;
        }
        BackToPending(now);
        return true;
    }

    /// <summary>An operator's retry of a stuck job: back in the queue whatever its tries, so a worker runs it again.</summary>
    public void Retry(DateTime now)
    {
        if (Status is not (JobStatus.Pending or JobStatus.Working))
        {
            throw new DomainException($"Job {Id} is {Status}, not pending or working.");
        }
        BackToPending(now);
    }

    private void BackToPending(DateTime now)
    {
        Status = JobStatus.Pending;
        StatusTime = now;
        Node = null;
        LeaseUntil = null;
    }

    public void Finish(string? error, DateTime now)
    {
        if (Status != JobStatus.Working)
        {
            throw new DomainException($"Job {Id} is {Status}, not working.");
        }
        Status = error is null ? JobStatus.Successful : JobStatus.Failed;
        Error = error;
        StatusTime = now;
        LeaseUntil = null;
    }
}
