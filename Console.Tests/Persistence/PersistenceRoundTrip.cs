using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Persistence;

public class PersistenceRoundTrip : IAsyncLifetime
{
    private DomainHarness _h = null!;

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task EveryResourceReadsBackAsItWasWritten()
    {
        var vpc = await _h.CreateVpcAsync("172.20.0.0/16");
        var vxnet = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "数据库网")).Ok()[0];
        (await _h.Get<JoinVpc>().RunAsync(_h.Context, new JoinVpc.Request(vxnet, vpc, "172.20.30.0/24", "172.20.30.9", "172.20.30.10", "172.20.30.200", 3))).Ok();
        await _h.Jobs.RunAllPendingAsync();
        var server = await _h.RunServerAsync("db-1");
        var nic = (await _h.RequestNicsAsync(vxnet, 1, "172.20.30.250"))[0];
        await _h.AttachAsync(server, nic);

        await using var db = _h.Db();
        var storedVpc = await db.Vpcs.SingleAsync(v => v.Id == vpc);
        var storedVxNet = await db.VxNets.SingleAsync(x => x.Id == vxnet);
        var storedNic = await db.Nics.SingleAsync(n => n.Id == nic);
        var storedServer = await db.Instances.SingleAsync(i => i.Id == server);

        storedVpc.Network.ToString().ShouldBe("172.20.0.0/16");
        storedVpc.Status.ShouldBe(VpcStatus.Active);
        storedVxNet.Name.ShouldBe("数据库网");
        storedVxNet.Subnet.ToString().ShouldBe("172.20.30.0/24");
        storedVxNet.Gateway.ToString().ShouldBe("172.20.30.9");
        storedVxNet.DynIpStart.ToString().ShouldBe("172.20.30.10");
        storedVxNet.DynIpEnd.ToString().ShouldBe("172.20.30.200");
        storedVxNet.Features.ShouldBe(3);
        storedVxNet.JoinTime.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        storedNic.PrivateIp.ToString().ShouldBe("172.20.30.250");
        storedNic.Status.ShouldBe(NicStatus.InUse);
        storedNic.Role.ShouldBe(NicRole.Secondary);
        storedNic.Sequence.ShouldBe(1);
        storedNic.InstanceId.ShouldBe(server);
        storedNic.CreateTime.Kind.ShouldBe(DateTimeKind.Utc);
        storedNic.CreateTime.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        storedServer.Name.ShouldBe("db-1");
        storedServer.Status.ShouldBe(InstanceStatus.Running);
    }

    [Fact]
    public async Task StoresEnumsAsTextAndAddressesAsNumbers()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        await _h.RequestNicsAsync(vxnet, 1, "172.16.1.100");

        await using var db = _h.Db();
        var row = await db.Database.SqlQueryRaw<StoredNic>("SELECT Status, PrivateIp FROM Nics").SingleAsync();

        row.Status.ShouldBe("Available");
        row.PrivateIp.ShouldBe(0xAC100164L);
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondNicOnTheSameAddress()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        await _h.RequestNicsAsync(vxnet, 1, "172.16.1.100");

        await using var db = _h.Db();
        db.Nics.Add(Nic.Secondary("dup", vxnet, IpAddress.Parse("172.16.1.100"), DomainHarness.Zone, "x", OperationContext.DefaultTenant, DateTime.UtcNow));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private sealed record StoredNic(string Status, long PrivateIp);
}
