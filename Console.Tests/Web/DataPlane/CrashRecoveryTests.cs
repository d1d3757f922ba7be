using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NicConsole.Domain.DataPlane.Linux;
using NicConsole.Tests.Support.Linux;
using Xunit.Abstractions;

namespace NicConsole.Tests.Web.DataPlane;

/// <summary>
/// The console as a real process on the Linux data plane, killed (SIGKILL) in the middle of 15 attach jobs and started
/// again on the same database: every job ends and the kernel matches the database. Then leftovers made by hand are
/// repaired by one <c>dataplane reconcile</c>, and a second one changes nothing.
/// </summary>
[Trait("Category", "Linux")]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly string _prefix = LinuxNamespaces.NewPrefix();

    private Dictionary<string, string> Settings => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Default"] = _database.ConnectionString,
        ["DataPlane:Driver"] = "Linux",
        ["DataPlane:Prefix"] = _prefix,
        ["DemoData:Enabled"] = "true",
        ["Node:Id"] = "crash-node",
        ["Jobs:Workers"] = "1",
    };

    [LinuxFact]
    public async Task AKilledConsoleFinishesEveryJobOnRestartAndTheKernelMatchesTheDatabase()
    {
        var (keyId, secret) = await ConsoleProcess.NewAdminKeyAsync(Settings, "crash");

        int unfinished;
        await using (var first = new ConsoleProcess(Settings))
        {
            await first.StartAsync();
            var api = new IaasClient(new HttpClient { BaseAddress = new Uri(first.BaseUrl) }, keyId, secret);
            var vxnet = (await api.CallAsync("DescribeVxnets")).Succeeded().Set("vxnet_set").Single(x => x.Str("vxnet_id") != "vxnet-0").Str("vxnet_id");
            var hosta = (await api.CallAsync("DescribeInstances")).Succeeded().Set("instance_set").Single().Str("instance_id");
            var nics = (await api.CallAsync("CreateNics", ("vxnet", vxnet), ("count", "15"))).Succeeded().Set("nics").Select(n => n.Str("nic_id")).ToList();

            // Fifteen attaches at once, one job each; the console dies once eight are accepted, with jobs still to run.
            var calls = nics.Select(nic => api.RawAsync(HttpMethod.Get, "AttachNics", [("nics.1", nic), ("instance", hosta)])).ToList();
            var accepted = 0;
            while (accepted < 8 && calls.Count > 0)
            {
                var done = await Task.WhenAny(calls);
                calls.Remove(done);
                var reply = JsonDocument.Parse(await (await done).Content.ReadAsStringAsync()).RootElement;
                accepted += reply.GetProperty("ret_code").GetInt32() == 0 ? 1 : 0;
            }
            await first.KillAsync();
            foreach (var call in calls)
            {
                try
                {
                    await call;
                }
                catch (HttpRequestException)
                {
                    // Cut off by the kill: never accepted.
                }
            }
            unfinished = Unfinished();
            output.WriteLine($"killed after {accepted} attaches accepted; {unfinished} jobs pending or working");
        }
        unfinished.ShouldBeGreaterThan(0, "the kill should land in the middle of the jobs");

        await using (var second = new ConsoleProcess(Settings))
        {
            await second.StartAsync();
            var api = new IaasClient(new HttpClient { BaseAddress = new Uri(second.BaseUrl) }, keyId, secret);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while ((await api.CallAsync("DescribeJobs", ("limit", "100"))).Succeeded().Set("job_set").Any(j => j.Str("status") is "pending" or "working"))
            {
                (DateTime.UtcNow < deadline).ShouldBeTrue($"jobs still running after the restart:\n{second.Output}");
                await Task.Delay(250);
            }
            (await api.CallAsync("DescribeJobs", ("limit", "100"))).Succeeded().Set("job_set").ShouldAllBe(j => j.Str("status") == "successful");
            KernelShouldMatch((await api.CallAsync("DescribeNics", ("limit", "100"))).Succeeded().Set("nic_set"));
            await second.KillAsync();
        }

        var server = LinuxNamespaces.List().Single(n => n.StartsWith($"{_prefix}-i-", StringComparison.Ordinal));
        var host = $"{_prefix}-h1";
        // A half-made pair, the namespace of a server that is gone, and a wrong address on a real NIC.
        Ip("-n", host, "link", "add", "nic-deadbeef", "type", "veth", "peer", "name", "half");
        Ip("netns", "add", $"{_prefix}-i-gone0000");
        Ip("-n", server, "addr", "flush", "dev", "eth1");
        Ip("-n", server, "addr", "add", "172.16.1.250/24", "dev", "eth1");

        var (repaired, repairText) = await ConsoleProcess.RunAsync(Settings, "dataplane", "reconcile");
        output.WriteLine(repairText);
        repaired.ShouldBe(0, repairText);
        repairText.ShouldMatch($@"ip -n {host} link del (nic-deadbeef|half)\n", "either end takes the pair");
        repairText.ShouldContain($"ip netns del {_prefix}-i-gone0000");
        repairText.ShouldContain($"ip -n {server} addr del 172.16.1.250/24 dev eth1");
        LinuxNamespaces.List().ShouldNotContain($"{_prefix}-i-gone0000");
        Ip("-n", host, "-json", "link", "show").ShouldNotContain("nic-deadbeef");
        Ip("-n", host, "-json", "link", "show").ShouldNotContain("\"half\"");
        Ip("-n", server, "-json", "addr", "show", "dev", "eth1").ShouldNotContain("172.16.1.250");

        var (again, againText) = await ConsoleProcess.RunAsync(Settings, "dataplane", "reconcile");
        again.ShouldBe(0, againText);
        againText.ShouldContain("0 changes, 0 errors");

        var (_, status) = await ConsoleProcess.RunAsync(Settings, "dataplane", "status");
        output.WriteLine(status);
        status.ShouldContain("probe: ok: Linux");
        status.ShouldContain($"namespaces (4): {host} {_prefix}-i-");
        status.ShouldContain("bridges (2): br-0 br-");
        status.ShouldContain("drift: 0 changes");
    }

    /// <summary>Jobs the killed console left pending or working, read from its database.</summary>
    private int Unfinished()
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Jobs WHERE Status IN ('Pending', 'Working')";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Each NIC in use has its ethN with its MAC and address; no other link is in the server; no host end is stray.</summary>
    private void KernelShouldMatch(IReadOnlyList<JsonElement> nics)
    {
        var inUse = nics.Where(n => n.Str("status") == "in-use").ToList();
        inUse.Count.ShouldBeGreaterThan(8);
        var server = $"{_prefix}-{inUse[0].Str("instance_id")}";
        inUse.ShouldAllBe(n => n.Str("instance_id") == inUse[0].Str("instance_id"));
        var links = JsonDocument.Parse(Ip("-n", server, "-json", "addr", "show")).RootElement.EnumerateArray().ToList();
        string Device(JsonElement nic) => $"eth{nic.GetProperty("sequence").GetInt32().ToString(CultureInfo.InvariantCulture)}";
        foreach (var nic in inUse)
        {
            var link = links.SingleOrDefault(l => l.Str("ifname") == Device(nic));
            link.ValueKind.ShouldBe(JsonValueKind.Object, $"{Device(nic)} of {nic.Str("nic_id")} is missing");
            link.Str("address").ShouldBe(nic.Str("nic_id"));
            link.Set("addr_info").Where(a => a.Str("family") == "inet").Select(a => a.Str("local")).ShouldBe([nic.Str("private_ip")]);
        }
        links.Select(l => l.Str("ifname")).Where(n => n != "lo").Order().ShouldBe(inUse.Select(Device).Order());
        var hostEnds = JsonDocument.Parse(Ip("-n", $"{_prefix}-h1", "-json", "link", "show")).RootElement.EnumerateArray()
            .Select(l => l.Str("ifname")).Where(n => n.StartsWith("nic-", StringComparison.Ordinal)).Order().ToList();
        hostEnds.ShouldBe(inUse.Select(n => LinuxNames.HostEnd(n.Str("nic_id"))).Order());
    }

    private static string Ip(params string[] arguments)
    {
        var (code, text, error) = LinuxNamespaces.Run("ip", arguments);
        code.ShouldBe(0, $"ip {string.Join(' ', arguments)}: {error}");
        return text;
    }

    public void Dispose()
    {
        LinuxNamespaces.DeleteAll(_prefix);
        _database.Dispose();
    }
}
