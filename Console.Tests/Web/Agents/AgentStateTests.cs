using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Web.Agents;

/// <summary>The desired state an agent reads, and the push: a wait ends as soon as a change that concerns its host commits, and only then.</summary>
public sealed class AgentStateTests : IAsyncLifetime
{
    private readonly ApiFactory _app = new();
    private readonly OperationContext _admin = OperationContext.System("t", "pek3a");
    private readonly Dictionary<string, string> _tokens = [];

    public async Task InitializeAsync()
    {
        (await _app.Get<DrainHost>().RunAsync(_admin, Hypervisor.DefaultName, true)).Ok();
        foreach (var (name, underlay) in new[] { ("h2", "192.0.2.12"), ("h3", "192.0.2.13") })
        {
            _tokens[name] = (await _app.Get<RegisterHost>().RunAsync(_admin, new RegisterHost.Request(name, "pek3a", underlay))).Ok().Token;
            (await Agent(name).PostAsync("/agent/v1/heartbeat", null)).EnsureSuccessStatusCode();
        }
        await using var db = _app.Get<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();
        var until = DateTime.UtcNow.AddSeconds(5);
        while (await db.Hosts.CountAsync(h => h.Online) < 3 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Agent(string host)
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[host]);
        http.Timeout = TimeSpan.FromSeconds(60);
        return http;
    }

    private async Task<(HttpStatusCode Status, string? ETag, JsonElement? State)> StateAsync(string host, string? etag = null, int wait = 0)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/agent/v1/state?wait={wait}");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        var response = await Agent(host).SendAsync(request);
        var body = response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement : (JsonElement?)null;
        return (response.StatusCode, response.Headers.ETag?.Tag, body);
    }

    private async Task<string> VxNetAsync(string subnet)
    {
        var vpc = (await _app.Get<CreateVpcs>().RunAsync(_admin, "vpc", "172.16.0.0/16")).Ok().ResourceIds[0];
        await WaitJobsAsync();
        var vxnet = (await _app.Get<CreateVxNets>().RunAsync(_admin, "net")).Ok()[0];
        (await _app.Get<JoinVpc>().RunAsync(_admin, new JoinVpc.Request(vxnet, vpc, subnet))).Ok();
        await WaitJobsAsync();
        return vxnet;
    }

    private async Task<string> LaunchAsync(string host, string vxnet)
    {
        var id = (await _app.Get<RunInstances>().RunAsync(_admin, new RunInstances.Request("s", [new NetworkChoice(vxnet)], Host: host))).Ok().ResourceIds[0];
        await WaitJobsAsync();
        return id;
    }

    private async Task WaitJobsAsync()
    {
        await using var db = _app.Get<IDbContextFactory<ConsoleDbContext>>().CreateDbContext();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (await db.Jobs.AnyAsync(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Working) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task AnAgentReadsItsOwnHostsStateAndAWaitWithoutAChangeEndsUnchanged()
    {
        var vxnet = await VxNetAsync("172.16.1.0/24");
        var server = await LaunchAsync("h2", vxnet);

        var (status, etag, state) = await StateAsync("h2");
        var clock = Stopwatch.StartNew();
        var again = await StateAsync("h2", etag, wait: 1);

        status.ShouldBe(HttpStatusCode.OK);
        state!.Value.GetProperty("host").GetString().ShouldBe("h2");
        state.Value.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldBe([server]);
        (again.Status, again.ETag).ShouldBe((HttpStatusCode.NotModified, etag));
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9));
        (await StateAsync("h3")).State!.Value.GetProperty("servers").GetArrayLength().ShouldBe(0, "h3's agent never sees h2's servers");
    }

    [Fact]
    public async Task AChangeInAVxNetThatSpansTheHostEndsItsWaitAtOnceAndAChangeElsewhereDoesNot()
    {
        var shared = await VxNetAsync("172.16.1.0/24");
        var elsewhere = await VxNetAsync("172.16.2.0/24");
        await LaunchAsync("h2", shared);
        var (_, etag, _) = await StateAsync("h2");

        var unrelated = StateAsync("h2", etag, wait: 2);
        await LaunchAsync("h3", elsewhere);
        (await unrelated).Status.ShouldBe(HttpStatusCode.NotModified, "h2 has nothing in that VxNet");

        var waiting = StateAsync("h2", etag, wait: 30);
        await Task.Delay(200);
        var clock = Stopwatch.StartNew();
        var peer = await LaunchAsync("h3", shared);
        var pushed = await waiting;

        pushed.Status.ShouldBe(HttpStatusCode.OK);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        var fabric = pushed.State!.Value.GetProperty("vx_nets").EnumerateArray().Single();
        fabric.GetProperty("flood").EnumerateArray().Select(f => f.GetString()).ShouldBe(["127.0.0.1", "192.0.2.13"], "the peer on h3, and h1 for the gateway");
        fabric.GetProperty("remote").GetArrayLength().ShouldBe(2);
        pushed.ETag.ShouldNotBe(etag);
    }

    [Fact]
    public async Task ABadTokenOrWaitIsRefused()
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "h2.not-the-token");

        (await http.GetAsync("/agent/v1/state")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Agent("h2").GetAsync("/agent/v1/state?wait=61")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
