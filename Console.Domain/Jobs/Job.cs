using NicConsole.Domain.Common;

namespace NicConsole.Domain.Jobs;

/// <summary>An asynchronous operation: accepted with its reservation made, then applied by the data plane.</summary>
public sealed class Job
{
    private Job()
    {
    }

    public Job(string id, JobAction action, IEnumerable<string> resourceIds, string directive, string zone, string owner, DateTime now)
    {
        Id = id;
        Action = action;
        ResourceIds = string.Join(' ', resourceIds);
        Directive = directive;
        Zone = zone;
        Owner = owner;
        Status = JobStatus.Pending;
        CreateTime = StatusTime = now;
    }

    public string Id { get; private set; } = "";
    public JobAction Action { get; private set; }
    public JobStatus Status { get; private set; }
    public string ResourceIds { get; private set; } = "";
    public string Directive { get; private set; } = "";
    public string Zone { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public string? Error { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime StatusTime { get; private set; }

    public IReadOnlyList<string> Resources => ResourceIds.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public void Start(DateTime now)
    {
        if (Status != JobStatus.Pending)
        {
            throw new DomainException($"Job {Id} is {Status}, not pending.");
        }
        Status = JobStatus.Working;
        Attempts++;
        StatusTime = now;
    }

    /// <summary>After a restart: a job found working is run again, or failed once it has had its tries.</summary>
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
    }
}
