using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace NicConsole.Tests.Domain;

/// <summary>Racing use cases on a real SQLite file: limits hold and no address or NIC is given twice.</summary>
public class UseCaseRaces(ITestOutputHelper output) : IAsyncLifetime
{
    private DomainHarness _h = null!;

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ThreeHundredConcurrentRequestsOnOneVxNetGive252NicsAnd48Refusals()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() =>
            _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(vxnet, $"race-{i}")))));

        clock.Stop();
        var succeeded = results.Where(r => r.Succeeded).SelectMany(r => r.Value).ToList();
        var refused = results.Where(r => !r.Succeeded).Select(r => r.Error!).ToList();
        output.WriteLine($"300 concurrent requests: {succeeded.Count} succeeded, {refused.Count} refused in {clock.ElapsedMilliseconds} ms");
        succeeded.Count.ShouldBe(252);
        refused.Count.ShouldBe(48);
        refused.ShouldAllBe(e => e.Code == RetCode.QuotaExceeded);
        succeeded.Select(n => n.PrivateIp).Distinct().Count().ShouldBe(252);
        await using var db = _h.Db();
        (await db.Nics.CountAsync(n => n.VxNetId == vxnet)).ShouldBe(252);
        (await db.Nics.Where(n => n.VxNetId == vxnet).Select(n => n.PrivateIp).Distinct().CountAsync()).ShouldBe(252);
    }

    [Fact]
    public async Task FiftyConcurrentAttachesOfOneNicGiveExactlyOneSuccess()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var accepted = (await _h.Get<RunInstances>().RunAsync(_h.Context, new RunInstances.Request("s", [new NetworkChoice(ResourceIds.BasicVxNet)], Count: 50))).Ok();
        await _h.Jobs.RunAllPendingAsync();
        var nic = (await _h.RequestNicsAsync(vxnet))[0];
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(accepted.ResourceIds.Select(server => Task.Run(() =>
            _h.Get<AttachNics>().RunAsync(_h.Context, [nic], server))));

        clock.Stop();
        output.WriteLine($"50 concurrent attaches of one NIC: {results.Count(r => r.Succeeded)} succeeded in {clock.ElapsedMilliseconds} ms");
        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Error!.Code == RetCode.PermissionDenied);
        await _h.Jobs.RunAllPendingAsync();
        var attached = await _h.NicAsync(nic);
        attached.Status.ShouldBe(NicStatus.InUse);
        attached.InstanceId.ShouldBe(accepted.ResourceIds[Array.FindIndex(results, r => r.Succeeded)]);
    }

    [Fact]
    public async Task ConcurrentAttachesToOneServerNeverPass64OrShareASequence()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var server = await _h.RunServerAsync();
        var nics = await _h.RequestNicsAsync(vxnet, 80);

        var results = await Task.WhenAll(nics.Select(nic => Task.Run(() => _h.Get<AttachNics>().RunAsync(_h.Context, [nic], server))));
        await _h.Jobs.RunAllPendingAsync();

        results.Count(r => r.Succeeded).ShouldBe(63);
        await using var db = _h.Db();
        var sequences = await db.Nics.Where(n => n.InstanceId == server).Select(n => n.Sequence!.Value).ToListAsync();
        sequences.Order().ShouldBe(Enumerable.Range(0, 64));
    }
}
