using System.Collections.Concurrent;
using System.Text.Json;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Operations;
using System.Net.Http.Json;
using NicConsole.Domain.Hosts;
using NicConsole.Web.Agents;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Changes;

/// <summary>Two nodes sharing one database and one Redis: what is committed on one reaches the other's pages.</summary>
public class TwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private readonly OperationContext _context = OperationContext.System("tester", "pek3a");

    [Fact]
    public async Task AChangeMadeThroughNodeAReachesAStoreOnNodeB()
    {
        using var scope = nodes.B.Services.CreateScope();
        // A circuit hears the changes its operator may see: an Admin's, every tenant's.
        NicConsole.Tests.Web.Features.Shared.OperatorRoles.ActAs(scope.ServiceProvider.GetRequiredService<NicConsole.Web.Operators.CurrentOperator>(), Role.Admin);
        var store = scope.ServiceProvider.GetRequiredService<IStore>();
        var heard = new ConcurrentQueue<ResourcesChangedAction>();
        store.SubscribeToAction<ResourcesChangedAction>(this, heard.Enqueue);
        await store.InitializeAsync();
        await store.WhenIdle().WaitAsync(TimeSpan.FromSeconds(10));

        var vxnet = (await nodes.A.Get<CreateVxNets>().RunAsync(_context, "from-node-a")).Ok()[0];

        await UntilAsync(() => heard.Any(a => a.Changes.Any(c => c.ResourceIds.Contains(vxnet))));
        var change = heard.SelectMany(a => a.Changes).Single(c => c.ResourceIds.Contains(vxnet));
        change.Action.ShouldBe("CreateVxnets");
        change.Result.ShouldBe(OperationResult.Succeeded);
        change.Zone.ShouldBe("pek3a");
    }

    [Fact]
    public async Task AKeyRevokedOnNodeAStopsWorkingOnNodeBAsSoonAsBHearsIt()
    {
        var key = await nodes.A.NewKeyAsync("two-node-revoked");
        var onB = new IaasClient(nodes.B.CreateClient(), key.AccessKeyId, key.SecretAccessKey);
        // Node B has read the key and keeps it in memory.
        (await onB.CallAsync("DescribeNics")).GetProperty("ret_code").GetInt32().ShouldBe(0);
        (await onB.CallAsync("DescribeNics")).GetProperty("ret_code").GetInt32().ShouldBe(0);
        using var heardOnB = new ChangeInbox(nodes.B.Services.GetRequiredService<NicConsole.Domain.Changes.IChangeFeed>());

        (await nodes.A.Get<NicConsole.Domain.AccessKeys.AccessKeyService>().RevokeAsync(_context, key.AccessKeyId)).Ok();
        await heardOnB.WaitForAsync(c => c.Action == AuditLog.RevokeAccessKey && c.ResourceIds.Contains(key.AccessKeyId));

        (await onB.CallAsync("DescribeNics")).GetProperty("ret_code").GetInt32().ShouldBe(1200);
    }

    [Fact]
    public async Task AUserLockedOnNodeAStopsTheirKeysOnNodeBAsSoonAsBHearsIt()
    {
        var key = await nodes.A.NewKeyAsync("two-node-locked");
        var onB = new IaasClient(nodes.B.CreateClient(), key.AccessKeyId, key.SecretAccessKey);
        (await onB.CallAsync("DescribeNics")).GetProperty("ret_code").GetInt32().ShouldBe(0);
        using var heardOnB = new ChangeInbox(nodes.B.Services.GetRequiredService<NicConsole.Domain.Changes.IChangeFeed>());

        (await nodes.A.Get<NicConsole.Web.Users.UserService>().LockAsync(_context, "two-node-locked", locked: true)).Ok();
        await heardOnB.WaitForAsync(c => c.Action == AuditLog.LockUser && c.ResourceIds.Contains("two-node-locked"));

        (await onB.CallAsync("DescribeNics")).GetProperty("ret_code").GetInt32().ShouldBe(1200);
    }

    [Fact]
    public async Task WhatAChangeOnNodeATouchedReachesNodeBWhole()
    {
        using var heardOnB = new ChangeInbox(nodes.B.Services.GetRequiredService<NicConsole.Domain.Changes.IChangeFeed>());
        var vxnet = (await nodes.A.Get<CreateVxNets>().RunAsync(_context, "touched-on-a")).Ok()[0];

        var change = await heardOnB.WaitForAsync(c => c.ResourceIds.Contains(vxnet));

        change.Commit.ShouldBeGreaterThan(0);
        var touched = change.Touched.ShouldNotBeNull().ShouldHaveSingleItem();
        touched.ShouldBe(new NicConsole.Domain.Changes.Touched(NicConsole.Domain.Changes.ResourceKinds.VxNet, vxnet, touched.In, null,
            new NicConsole.Domain.Changes.ResourceState(VxNetStates.NotInVpc, false)));
        touched.In.ShouldBeEmpty();
        // A VxNet page on node B filtered on other ids is not altered; an unfiltered one is.
        new NicConsole.Domain.Changes.LiveScope(NicConsole.Domain.Changes.ResourceKinds.VxNet) { Ids = NicConsole.Domain.Changes.LiveScope.Set(["vxnet-other"]) }
            .IsAlteredBy(change).ShouldBeFalse();
        new NicConsole.Domain.Changes.LiveScope(NicConsole.Domain.Changes.ResourceKinds.VxNet).IsAlteredBy(change).ShouldBeTrue();
    }

    [Fact]
    public async Task AJobAcceptedOnNodeARunsOnceOnEitherNodeAndBothNodesHearItSettle()
    {
        var applied = new ConcurrentQueue<string>();
        using var onA = nodes.A.Services.GetRequiredService<SimulatedDataPlane>().FailWhen(work => Record(applied, work.JobId));
        using var onB = nodes.B.Services.GetRequiredService<SimulatedDataPlane>().FailWhen(work => Record(applied, work.JobId));
        using var heardOnA = new ChangeInbox(nodes.A.Services.GetRequiredService<NicConsole.Domain.Changes.IChangeFeed>());
        using var heardOnB = new ChangeInbox(nodes.B.Services.GetRequiredService<NicConsole.Domain.Changes.IChangeFeed>());

        var job = (await nodes.A.Get<CreateVpcs>().RunAsync(_context, "vpc-from-a", "172.16.0.0/16")).Ok().JobId;

        await heardOnB.WaitForAsync(c => c.JobId == job && c.Result == OperationResult.Accepted);
        await heardOnB.WaitForAsync(c => c.JobId == job && c.Result == OperationResult.Succeeded);
        await heardOnA.WaitForAsync(c => c.JobId == job && c.Result == OperationResult.Succeeded);
        await Task.Delay(300);
        applied.Count(j => j == job).ShouldBe(1);
        heardOnA.Changes.Count(c => c.JobId == job && c.Result == OperationResult.Succeeded).ShouldBe(1);
        heardOnB.Changes.Count(c => c.JobId == job && c.Result == OperationResult.Succeeded).ShouldBe(1);
        var done = (await nodes.B.Get<JobQueries>().QueryAsync(_context, new JobQuery { Ids = [job] })).Ok().Items.Single();
        done.Status.ShouldBe(JobStatus.Successful);
        done.Node.ShouldBeOneOf("node-a", "node-b");
    }

    [Fact]
    public async Task HealthShowsTheDatabaseAndRedis()
    {
        using var client = nodes.B.CreateClient();

        var response = await client.GetAsync("/health");

        response.IsSuccessStatusCode.ShouldBeTrue();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = body.RootElement.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("live-updates").GetProperty("description").GetString().ShouldStartWith("Redis answers");
    }

    private static string? Record(ConcurrentQueue<string> applied, string jobId)
    {
        applied.Enqueue(jobId);
        return null;
    }

    [Fact]
    public async Task AnAgentTalkingToNodeAIsHeardAndItsReportSeenOnNodeB()
    {
        await nodes.A.Get<AgentRelay>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        await nodes.B.Get<AgentRelay>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var host = "hr" + Guid.NewGuid().ToString("N")[..6];
        var token = (await nodes.A.Get<RegisterHost>().RunAsync(_context, new RegisterHost.Request(host, "pek3a", "192.0.2.77"))).Ok().Token;
        using var agent = nodes.A.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var onB = nodes.B.Get<HostLiveness>();
        onB.IsHeard(host).ShouldBeFalse();

        (await agent.PostAsync("/agent/v1/heartbeat", null)).EnsureSuccessStatusCode();
        // Node B's status worker judges the host from this: without it, B would mark offline a host whose agent talks to A.
        await UntilAsync(() => onB.IsHeard(host));

        var report = new AgentReport("\"applied\"", ["ip link add …"], [], []);
        (await agent.PostAsJsonAsync("/agent/v1/report", report, HostDesiredState.Json)).EnsureSuccessStatusCode();
        // A job on node B waiting for this agent sees what it reported to A.
        await UntilAsync(() => nodes.B.Get<HostReports>().Last(host) is { Report.ETag: "\"applied\"" });
        nodes.B.Get<HostReports>().Last(host)!.Value.Report.Changes.ShouldBe(["ip link add …"]);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "node B's store did not hear the change");
            await Task.Delay(10);
        }
    }
}
