using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Hosts;

namespace NicConsole.Tests.Web.Agents;

/// <summary>An agent's heartbeat through the real app: its token names its host, the host's status follows what is heard, and only a change of status is written.</summary>
public sealed class AgentHeartbeatTests(AgentHeartbeatTests.QuickOffline app) : IClassFixture<AgentHeartbeatTests.QuickOffline>
{
    public sealed class QuickOffline() : ApiFactory(new Dictionary<string, string> { ["Hosts:OfflineAfterSeconds"] = "2" });

    private static int _next;

    private async Task<(string Name, string Token)> RegisterAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var registered = (await app.Get<RegisterHost>().RunAsync(OperationContext.System("t", "pek3a"), new RegisterHost.Request($"ha{n}", "pek3a", $"192.0.2.{n}"))).Ok();
        return (registered.Name, registered.Token);
    }

    private Task<HttpResponseMessage> BeatAsync(string? token, string path = "/agent/v1/heartbeat")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return app.CreateClient().SendAsync(request);
    }

    private async Task<Hypervisor> HostAsync(string name)
    {
        await using var db = app.Get<IDbContextFactory<NicConsole.Domain.Persistence.ConsoleDbContext>>().CreateDbContext();
        return await db.Hosts.AsNoTracking().SingleAsync(h => h.Name == name);
    }

    private async Task<HostStatus> EventuallyAsync(string name, HostStatus expected, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var status = (await HostAsync(name)).Status;
            if (status == expected || DateTime.UtcNow > until)
            {
                return status;
            }
            await Task.Delay(100);
        }
    }

    private async Task<int> LogCountAsync(string action, string host)
    {
        await using var db = app.Get<IDbContextFactory<NicConsole.Domain.Persistence.ConsoleDbContext>>().CreateDbContext();
        return await db.OperationLog.CountAsync(e => e.Action == action && e.ResourceIds == host);
    }

    [Fact]
    public async Task AHostComesOnlineWhenItsAgentBeatsAndGoesOfflineWhenItStopsWritingOnlyTheChanges()
    {
        var (name, token) = await RegisterAsync();
        (await HostAsync(name)).Status.ShouldBe(HostStatus.Offline);

        var answer = await BeatAsync(token);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["host"].ToString().ShouldBe(name);
        (await EventuallyAsync(name, HostStatus.Ready, TimeSpan.FromSeconds(3))).ShouldBe(HostStatus.Ready);
        var online = await HostAsync(name);
        for (var i = 0; i < 10; i++)
        {
            (await BeatAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var after = await HostAsync(name);
        (after.StatusTime, after.Online).ShouldBe((online.StatusTime, true), "a heartbeat of an online host writes nothing");

        (await EventuallyAsync(name, HostStatus.Offline, TimeSpan.FromSeconds(5))).ShouldBe(HostStatus.Offline);
        (await LogCountAsync("HostOnline", name), await LogCountAsync("HostOffline", name)).ShouldBe((1, 1));
        (await HostAsync(Hypervisor.DefaultName)).Status.ShouldBe(HostStatus.Ready, "the console's own agent runs h1");
    }

    [Fact]
    public async Task OnlyACurrentTokenIsHeardAndARotatedOneStopsAtOnce()
    {
        var (name, token) = await RegisterAsync();
        var (other, _) = await RegisterAsync();

        (await BeatAsync(null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await BeatAsync("garbage")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await BeatAsync(other + token[name.Length..])).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another host's name with this secret");
        (await BeatAsync(token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rotated = (await app.Get<RotateHostToken>().RunAsync(OperationContext.System("t", "pek3a"), name)).Ok();

        (await BeatAsync(token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await BeatAsync(rotated)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnAgentTokenOpensNoOtherDoor()
    {
        var (_, token) = await RegisterAsync();
        var http = app.CreateClient(new() { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var iaas = await (await http.GetAsync("/iaas/?action=DescribeInstances&zone=pek3a")).Content.ReadFromJsonAsync<Dictionary<string, object>>();
        var console = await http.GetAsync("/instances");

        iaas!["ret_code"].ToString().ShouldBe("1200");
        console.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        console.Headers.Location!.ToString().ShouldContain("login", Case.Insensitive);
    }
}
