using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Seeding;

/// <summary>
/// Fills the database with a large, valid data set for load and scale checks: VPCs with joined VxNets,
/// servers with their primary NIC, and secondary NICs, half of them attached. Rows are made through the
/// entities' own methods, settled as their jobs would leave them, and written in batches without the
/// per-request use cases (which would take hours at this size). Every rule still holds: at most 252 NICs a
/// VxNet, 64 a server, unique addresses and sequences.
/// </summary>
public sealed class BulkData(IDbContextFactory<ConsoleDbContext> factory, TimeProvider time)
{
    private const int Batch = 5_000;
    private const string JobId = "j-bulkload";

    public sealed record Size(int Nics, int VxNets, int Vpcs, int Servers);

    public async Task<Size> LoadAsync(OperationContext context, Size size, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (size.Vpcs < 1 || size.VxNets < size.Vpcs || size.Servers < 1 || size.Nics < size.Servers
            || size.VxNets > size.Vpcs * 256 || size.Nics > size.VxNets * Limits.NicsPerVxNet)
        {
            throw new ArgumentException($"{size} does not fit the rules (252 NICs a VxNet, 256 /24s a VPC, a primary NIC per server).");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var host = await HostAsync(context.Zone, cancellationToken);
        int firstVni;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            firstVni = await CreateVxNets.NextVniAsync(db, cancellationToken);
        }
        var vpcs = Enumerable.Range(0, size.Vpcs).Select(i =>
        {
            var vpc = new Vpc($"bulk-vpc-{i}", Cidr.Parse($"172.{16 + i % 16}.0.0/16"), 1, context.Zone, context.User, context.Tenant, JobId, now);
            vpc.Complete(true, now);
            return vpc;
        }).ToList();
        var vxnets = Enumerable.Range(0, size.VxNets).Select(i =>
        {
            var vpc = vpcs[i % size.Vpcs];
            var subnet = Cidr.Parse($"{vpc.Network.Host(i / size.Vpcs * 256)}/24");
            var vxnet = new VxNet($"bulk-vxnet-{i}", VxNetType.Managed, context.Zone, context.User, context.Tenant, firstVni + i, now);
            vxnet.BeginJoin(vpc.Id, AddressPlan.For(subnet), subnet.Host(2), subnet.Host(AddressPlan.PlatformOffset), VxNet.DefaultFeatures, JobId, now);
            vxnet.Complete(true, now);
            return vxnet;
        }).ToList();
        await SaveAsync([.. vpcs, .. vxnets], cancellationToken);
        progress?.Report($"{vpcs.Count} VPCs, {vxnets.Count} VxNets");

        // 100,000 random 32-bit MAC suffixes collide more often than not: skip a MAC that is taken.
        var macs = await ExistingMacsAsync(cancellationToken);
        Nic Unique(Func<Nic> create)
        {
            var nic = create();
            while (!macs.Add(nic.Id))
            {
                nic = create();
            }
            return nic;
        }
        var perVxNet = new int[vxnets.Count];
        IpAddress NextAddress(int v) => vxnets[v].Plan!.Subnet.Host(2 + perVxNet[v]++);
        var servers = new List<Instance>(size.Servers);
        var pending = new List<object>();
        for (var s = 0; s < size.Servers; s++)
        {
            var server = new Instance($"bulk-host-{s}", "centos7x64", "s1.small", 1, 1024, context.Zone, host, context.User, context.Tenant, JobId, now);
            var v = s % vxnets.Count;
            var address = NextAddress(v);
            var primary = Unique(() => Nic.ForNewServer(0, vxnets[v].Id, address, server, JobId, now));
            server.Complete(true, now);
            primary.Complete(true, null, now);
            servers.Add(server);
            pending.Add(server);
            pending.Add(primary);
        }
        await SaveAsync(pending, cancellationToken);
        progress?.Report($"{servers.Count} servers with their primary NIC");

        var secondaries = size.Nics - size.Servers;
        var attachedPerServer = new int[servers.Count];
        pending.Clear();
        for (var n = 0; n < secondaries; n++)
        {
            var v = (size.Servers + n) % vxnets.Count;
            var address = NextAddress(v);
            var nic = Unique(() => Nic.Secondary($"bulk-nic-{n}", vxnets[v].Id, address, context.Zone, context.User, context.Tenant, now));
            var s = n / 2 % servers.Count;
            if (n % 2 == 0 && attachedPerServer[s] < Limits.MaxSequence)
            {
                nic.AttachTo(servers[s].Id, ++attachedPerServer[s], JobId, now);
                nic.Complete(true, null, now);
            }
            pending.Add(nic);
            if (pending.Count == Batch)
            {
                await SaveAsync(pending, cancellationToken);
                pending.Clear();
                progress?.Report($"{n + 1} of {secondaries} secondary NICs");
            }
        }
        await SaveAsync(pending, cancellationToken);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(DatabaseInitializer.AnalyzeSqlite, cancellationToken);
            }
        }
        return size;
    }

    private async Task<HashSet<string>> ExistingMacsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Nics.Select(n => n.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task SaveAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The zone's first host (by name): bulk data is placed on one host, past the capacity rule (it is a data set, not a launch).</summary>
    private async Task<string> HostAsync(string zone, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Hosts.Where(h => h.Zone == zone).OrderBy(h => h.Name).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No host in zone {zone}: start the console once, and it registers {Hypervisor.DefaultName}.");
    }
}
