using System.Diagnostics;
using System.Text.Json;
using NicConsole.Tests.Support.Linux;
using Xunit.Abstractions;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>
/// The domain's limits, all real: 64 NICs on one server and 252 in one VxNet, every one pinged; one more refused. They
/// run alone: every namespace shares the machine's neighbour table (1,024 entries by default), and a VxNet of 252
/// NICs pinged from one server fills half of it.
/// </summary>
[Collection(LinuxAlone.Name)]
[Trait("Category", "Linux")]
public sealed class LinuxLimitsTests(ITestOutputHelper output)
{
    [LinuxFact]
    public async Task ServerWith64NicsHasEth0ToEth63AllAnsweringAndThe65thIsRefused()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var big = await h.RunServerAsync("big");
        var probe = await h.RunServerAsync("probe");
        var nics = await h.RequestNicsAsync(vxnet, Limits.NicsPerServer);
        var clock = Stopwatch.StartNew();
        await h.AttachAsync(big, [.. nics.Take(Limits.NicsPerServer - 1)]);
        output.WriteLine($"63 NICs attached in one job: {clock.ElapsedMilliseconds} ms");
        await h.AttachAsync(probe, nics[^1]);

        var links = LinuxNamespaces.IpJson(scene.Space(big), "addr", "show").EnumerateArray()
            .ToDictionary(l => l.GetProperty("ifname").GetString()!, l => (Mac: l.GetProperty("address").GetString()!, Addresses: LinuxScene.Addresses(l)));
        var expected = new List<(string Device, string Mac, string Address)> { ("eth0", (await NicOfAsync(h, big, 0)).Id, await scene.AddressAsync(big)) };
        for (var sequence = 1; sequence < Limits.NicsPerServer; sequence++)
        {
            var nic = await NicOfAsync(h, big, sequence);
            expected.Add(($"eth{sequence}", nic.Id, nic.PrivateIp.ToString()));
        }
        links.Keys.Where(k => k != "lo").Order().ShouldBe(expected.Select(e => e.Device).Order());
        foreach (var (device, mac, address) in expected)
        {
            links[device].Mac.ShouldBe(mac);
            links[device].Addresses.ShouldHaveSingleItem().ShouldStartWith(address + "/");
        }
        clock.Restart();
        (await PingAllAsync(scene, probe, expected.Select(e => e.Address))).ShouldBeEmpty("every one of big's 64 addresses answers probe");
        output.WriteLine($"64 addresses pinged: {clock.ElapsedMilliseconds} ms");

        var more = (await h.RequestNicsAsync(vxnet))[0];
        (await h.Get<AttachNics>().RunAsync(h.Context, [more], big)).Refused(RetCode.QuotaExceeded).Key.ShouldBe(nameof(DomainErrors.ServerFull));
        scene.Link(big, "eth64").ShouldBeNull();
    }

    [LinuxFact]
    public async Task VxNetWith252NicsHasAllOfThemAnsweringOneServerAndThe253rdIsRefused()
    {
        await using var scene = await LinuxScene.StartAsync();
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var probe = await h.RunServerAsync("probe", vxnet);
        var servers = (await h.Get<RunInstances>().RunAsync(h.Context, new RunInstances.Request("node", [new NetworkChoice(vxnet)], Count: 4))).Ok().ResourceIds;
        await h.Jobs.RunAllPendingAsync();
        var nics = await h.RequestNicsAsync(vxnet, Limits.NicsPerVxNet - 5);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < servers.Count; i++)
        {
            await h.AttachAsync(servers[i], [.. nics.Skip(i * 62).Take(i == servers.Count - 1 ? nics.Count - 3 * 62 : 62)]);
        }
        output.WriteLine($"{nics.Count} NICs attached in {servers.Count} jobs: {clock.ElapsedMilliseconds} ms");

        await using var db = h.Db();
        var addresses = db.Nics.Where(n => n.VxNetId == vxnet && n.InstanceId != null && n.InstanceId != probe).Select(n => n.PrivateIp).ToList()
            .Select(ip => ip.ToString()).ToList();
        addresses.Count.ShouldBe(Limits.NicsPerVxNet - 1);
        var bridge = LinuxNamespaces.IpJson(scene.Names.Host, "link", "show", "master", NicConsole.Domain.DataPlane.Linux.LinuxNames.Bridge(vxnet));
        bridge.GetArrayLength().ShouldBe(Limits.NicsPerVxNet + 1, "252 NICs and the router's leg on the VxNet's bridge");
        clock.Restart();
        (await PingAllAsync(scene, probe, addresses)).ShouldBeEmpty("every NIC of the VxNet answers probe");
        output.WriteLine($"{addresses.Count} addresses pinged: {clock.ElapsedMilliseconds} ms");

        (await h.Get<RequestNics>().RunAsync(h.Context, new RequestNics.Request(vxnet))).Refused(RetCode.QuotaExceeded).Key.ShouldBe(nameof(DomainErrors.VxNetFull));
    }

    private static async Task<Nic> NicOfAsync(DomainHarness h, string server, int sequence)
    {
        await using var db = h.Db();
        return db.Nics.Single(n => n.InstanceId == server && n.Sequence == sequence);
    }

    /// <summary>
    /// One ping to each address from <paramref name="from"/>, eight at a time, and up to two more rounds for those that did
    /// not answer, the last one at a time (a first ping waits for ARP, which a machine busy with the other tests may take
    /// longer than its one second to answer); the addresses silent every time.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PingAllAsync(LinuxScene scene, string from, IEnumerable<string> addresses)
    {
        async Task<List<string>> SilentAsync(IEnumerable<string> targets, int atOnce)
        {
            var silent = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = atOnce }, (address, _) =>
            {
                if (!scene.Ping(from, address))
                {
                    silent.Add(address);
                }
                return ValueTask.CompletedTask;
            });
            return [.. silent.Order()];
        }
        return await SilentAsync(await SilentAsync(await SilentAsync(addresses, 8), 8), 1);
    }
}
