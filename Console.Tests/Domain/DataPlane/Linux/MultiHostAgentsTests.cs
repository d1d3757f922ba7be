using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.DataPlane.Linux;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Persistence;
using NicConsole.Tests.Support.Linux;
using Xunit.Abstractions;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>
/// The whole of many hosts on one machine, as root: a console, three host namespaces on an underlay bridge (all the
/// test's own), and three agents as real processes that know only the console's URL and their token. Servers on h1
/// and h3 talk over VXLAN; a detach on h3 reaches h1's forwarding entries; a killed agent's host goes offline and comes
/// back when the agent does, and nothing on the other hosts changes meanwhile.
/// </summary>
[Collection(LinuxAlone.Name)]
public sealed class MultiHostAgentsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly (string Name, string Underlay)[] Hosts = LinuxUnderlay.ThreeHosts;

    private readonly string _prefix = LinuxNamespaces.NewPrefix();
    private readonly Dictionary<string, string> _tokens = [];
    private readonly Dictionary<string, AgentProcess> _agents = [];
    private ConsoleApp? _console;
    private readonly OperationContext _admin = OperationContext.System("test", "pek3a");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents.Values)
        {
            output.WriteLine($"--- agent {agent.Host}\n{agent.Output}");
            agent.Dispose();
        }
        foreach (var (name, _) in Hosts)
        {
            LinuxNamespaces.DeleteAll(_prefix + name);
        }
        LinuxNamespaces.DeleteAll(_prefix);
        if (_console is not null)
        {
            await _console.DisposeAsync();
        }
    }

    private string Space(string host, string name) => $"{_prefix}{host}-{name}";

    private async Task StartAsync()
    {
        _console = new ConsoleApp(withAdmin: false, new Dictionary<string, string>
        {
            ["DemoData:Enabled"] = "false",
            ["Hosts:LocalAgent"] = "",
            // Every job on a host waits for its agent's report, as in production.
            ["Hosts:WaitForAgents"] = "true",
        });
        LinuxUnderlay.Build(_prefix, Hosts, name => Space(name, name));
        foreach (var (name, underlay) in Hosts)
        {
            if (name == Hypervisor.DefaultName)
            {
                (await _console.Get<ModifyHost>().RunAsync(_admin, new ModifyHost.Request(name, Underlay: underlay))).Ok();
                _tokens[name] = (await _console.Get<RotateHostToken>().RunAsync(_admin, name)).Ok();
            }
            else
            {
                _tokens[name] = (await _console.Get<RegisterHost>().RunAsync(_admin, new RegisterHost.Request(name, "pek3a", underlay))).Ok().Token;
            }
            StartAgent(name);
        }
        foreach (var (name, _) in Hosts)
        {
            (await UntilAsync(async () => await StatusAsync(name) == HostStatus.Ready, TimeSpan.FromSeconds(20))).ShouldBeTrue($"{name} ready");
        }
    }

    private void StartAgent(string host) => _agents[host] = new AgentProcess(_console!.BaseUrl, host, _tokens[host], _prefix + host);

    private async Task<HostStatus> StatusAsync(string host)
    {
        await using var db = _console!.Get<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();
        return (await db.Hosts.AsNoTracking().SingleAsync(h => h.Name == host)).Status;
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(200);
        }
        return await condition();
    }

    private async Task WaitJobsAsync()
    {
        await using var db = _console!.Get<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();
        (await UntilAsync(async () => !await db.Jobs.AnyAsync(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Working), TimeSpan.FromSeconds(20))).ShouldBeTrue();
    }

    private async Task<string> LaunchAsync(string host, string vxnet, string? ip = null)
    {
        var id = (await _console!.Get<RunInstances>().RunAsync(_admin, new RunInstances.Request("s-" + host, [new NetworkChoice(vxnet, ip)], Host: host))).Ok().ResourceIds[0];
        await WaitJobsAsync();
        return id;
    }

    private string Fdb(string host, string vxnet) => LinuxUnderlay.Fdb(Space(host, host), LinuxNames.Vxlan(vxnet));

    private string Links(string host) => string.Join(' ', LinuxUnderlay.Links(Space(host, host)));

    [LinuxFact]
    public async Task AgentsMakeEachHostsStateRealAndAKilledAgentsHostGoesOfflineAndComesBack()
    {
        await StartAsync();
        var vpc = (await _console!.Get<CreateVpcs>().RunAsync(_admin, "vpc", "172.16.0.0/16")).Ok().ResourceIds[0];
        await WaitJobsAsync();
        var vxnet = (await _console.Get<CreateVxNets>().RunAsync(_admin, "net")).Ok()[0];
        (await _console.Get<JoinVpc>().RunAsync(_admin, new JoinVpc.Request(vxnet, vpc, "172.16.1.0/24"))).Ok();
        await WaitJobsAsync();
        var a = await LaunchAsync("h1", vxnet, "172.16.1.10");
        var b = await LaunchAsync("h2", ResourceIds.BasicVxNet);
        var c = await LaunchAsync("h3", ResourceIds.BasicVxNet);
        var nic = (await _console.Get<RequestNics>().RunAsync(_admin, new RequestNics.Request(vxnet, "n", 1, ["172.16.1.30"]))).Ok()[0].NicId;
        (await _console.Get<AttachNics>().RunAsync(_admin, [nic], c)).Ok();
        await WaitJobsAsync();

        (await UntilAsync(() => Task.FromResult(LinuxNamespaces.Ping(Space("h1", a), "172.16.1.30")), TimeSpan.FromSeconds(15)))
            .ShouldBeTrue("a on h1 reaches c's eth1 on h3 over VXLAN, as the agents made them");
        Fdb("h1", vxnet).ShouldContain($"{nic} dst 192.0.2.13");
        LinuxNamespaces.List().ShouldContain(Space("h2", b));
        // c's page shows its guest as h3's agent read it from the kernel: eth1 with room for the VXLAN header.
        GuestReading? guest = null;
        (await UntilAsync(async () =>
        {
            guest = (await _console.Get<GuestQueries>().ReadAsync(_admin, c)).Ok();
            return guest.View.Source == GuestSource.Agent && guest.View.Interfaces.Any(i => i.Name == "eth1");
        }, TimeSpan.FromSeconds(10))).ShouldBeTrue("h3's agent reported c's guest");
        guest!.Host.ShouldBe("h3");
        guest.View.Drift.ShouldBeEmpty();
        guest.View.Only("eth1").Ifconfig().ShouldContain("inet addr:172.16.1.30");
        guest.View.Only("eth1").Ifconfig().ShouldContain($"MTU:{DataPlaneSpec.VxlanMtu}");

        (await _console.Get<DetachNics>().RunAsync(_admin, [nic])).Ok();
        await WaitJobsAsync();
        (await UntilAsync(() => Task.FromResult(!Fdb("h1", vxnet).Contains($"{nic} dst", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)))
            .ShouldBeTrue("h1's agent heard of the detach on h3 and removed the entry");

        var h1Links = Links("h1");
        var h3Links = Links("h3");
        _agents["h2"].Kill();
        var killed = DateTime.UtcNow;
        (await UntilAsync(async () => await StatusAsync("h2") == HostStatus.Offline, TimeSpan.FromSeconds(20))).ShouldBeTrue();
        (DateTime.UtcNow - killed).ShouldBeLessThan(TimeSpan.FromSeconds(15));
        (Links("h1"), Links("h3")).ShouldBe((h1Links, h3Links), "nothing on h1 or h3 changes when h2 goes");
        LinuxNamespaces.List().ShouldContain(Space("h2", b), "a dead agent's servers stay as they were");

        StartAgent("h2");
        (await UntilAsync(async () => await StatusAsync("h2") == HostStatus.Ready, TimeSpan.FromSeconds(20))).ShouldBeTrue();
        (await UntilAsync(() => Task.FromResult(System.Text.RegularExpressions.Regex.IsMatch(_agents["h2"].Output, @"(?<!\d)0 changes, 0 errors")), TimeSpan.FromSeconds(15)))
            .ShouldBeTrue("the restarted agent reconciles, and its host is as it left it");
    }
}
