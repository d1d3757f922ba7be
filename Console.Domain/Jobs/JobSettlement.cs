using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Jobs;

/// <summary>What a job's end does to its resources, whether its node settles it or a recovery fails it.</summary>
internal static class JobSettlement
{
    /// <summary>Ends a job and settles every resource it holds: done when it succeeded, undone (with the error kept) when it failed.</summary>
    public static async Task CompleteAsync(ConsoleDbContext db, Job job, string? error, DateTime now, CancellationToken cancellationToken)
    {
        var ok = error is null;
        foreach (var vpc in await db.Vpcs.Where(v => v.JobId == job.Id).ToListAsync(cancellationToken))
        {
            vpc.Complete(ok, now);
        }
        foreach (var vxnet in await db.VxNets.Where(x => x.JobId == job.Id).ToListAsync(cancellationToken))
        {
            vxnet.Complete(ok, now);
        }
        foreach (var instance in await db.Instances.Where(i => i.JobId == job.Id).ToListAsync(cancellationToken))
        {
            instance.Complete(ok, now);
        }
        var nics = await db.Nics.Where(n => n.JobId == job.Id).ToListAsync(cancellationToken);
        foreach (var nic in nics)
        {
            if (GoesWithServer(job.Action, nic, ok))
            {
                db.Nics.Remove(nic);
            }
            else
            {
                nic.Complete(ok, error, now);
            }
        }
        job.Finish(error, now);
        // The end names the NICs the job settled too, so each NIC's timeline and open detail hear of it.
        db.OperationLog.Add(new OperationLogEntry(job.Owner, job.Zone, job.Tenant, job.Action.ToString(), job.Resources.Union(nics.Select(n => n.Id)),
            ok ? OperationResult.Succeeded : OperationResult.Failed, error ?? "", job.Id, now));
    }

    /// <summary>NICs made for a server that never came up, and the primary NIC of a terminated server, are removed.</summary>
    private static bool GoesWithServer(JobAction action, Nic nic, bool succeeded) => (action, succeeded) switch
    {
        (JobAction.RunInstances, false) => true,
        (JobAction.TerminateInstances, true) => nic.IsPrimary,
        _ => false,
    };
}
