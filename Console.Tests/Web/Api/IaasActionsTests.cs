using System.Text.Json;

namespace NicConsole.Tests.Web.Api;

/// <summary>Every action's happy path over HTTP, signed as the Python SDK signs.</summary>
public class IaasActionsTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private IaasClient _api = null!;

    public async Task InitializeAsync() => _api = await factory.ClientForNewKeyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AFailedJobHasTheContractsEmptyErrorCodesAndSaysWhyInItsMessage()
    {
        using var failing = factory.Services.GetRequiredService<NicConsole.Domain.DataPlane.SimulatedDataPlane>()
            .FailWhen(w => w.Action == JobAction.CreateRouters && w.Spec.Routers.Count == 2 ? "the router host is full" : null);
        var created = (await _api.CallAsync("CreateRouters", ("router_name", "doomed"), ("count", "2"))).Succeeded();
        (await _api.WaitJobAsync(created.Str("job_id"))).ShouldBe("failed");

        var job = (await _api.CallAsync("DescribeJobs", ("jobs.1", created.Str("job_id")))).Succeeded().Set("job_set").Single();

        job.Str("error_codes").ShouldBe("");
        job.Str("error_message").ShouldBe("the router host is full");
        job.Str("status").ShouldBe("failed");
    }

    [Fact]
    public async Task RoutersAreCreatedDescribedModifiedAndDeleted()
    {
        var created = (await _api.CallAsync("CreateRouters", ("router_name", "api-vpc"), ("vpc_network", "192.168.0.0/16"), ("security_group", ""))).Succeeded();
        var router = created.Strings("routers").Single();
        (await _api.WaitJobAsync(created.Str("job_id"))).ShouldBe("successful");

        (await _api.CallAsync("ModifyRouterAttributes", ("router", router), ("router_name", "renamed"), ("description", "d"))).Succeeded();
        var described = (await _api.CallAsync("DescribeRouters", ("routers.1", router), ("verbose", "1"))).Succeeded();

        described.GetProperty("action").GetString().ShouldBe("DescribeRoutersResponse");
        described.GetProperty("total_count").GetInt32().ShouldBe(1);
        var item = described.Set("router_set").Single();
        item.Str("router_name").ShouldBe("renamed");
        item.Str("vpc_network").ShouldBe("192.168.0.0/16");
        item.Str("status").ShouldBe("active");
        item.GetProperty("router_type").ValueKind.ShouldBe(JsonValueKind.Number);
        item.Str("create_time").ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        item.Set("vxnets").ShouldBeEmpty();

        var deleted = (await _api.CallAsync("DeleteRouters", ("routers.1", router))).Succeeded();
        (await _api.WaitJobAsync(deleted.Str("job_id"))).ShouldBe("successful");
        (await _api.CallAsync("DescribeRouters", ("routers.1", router))).GetProperty("total_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task VxnetsJoinAndLeaveRouters()
    {
        var router = await RouterAsync("172.20.0.0/16");
        var vxnet = (await _api.CallAsync("CreateVxnets", ("vxnet_name", "v"), ("vxnet_type", "1"), ("mode", "0"))).Succeeded().Strings("vxnets").Single();

        var join = (await _api.CallAsync("JoinRouter", ("vxnet", vxnet), ("router", router), ("ip_network", "172.20.3.0/24"), ("features", "1"))).Succeeded();
        join.Str("router_id").ShouldBe(router);
        join.Str("vxnet_id").ShouldBe(vxnet);
        (await _api.WaitJobAsync(join.Str("job_id"))).ShouldBe("successful");
        (await _api.CallAsync("ModifyRouterAttributes", ("router", router), ("vxnet", vxnet), ("dyn_ip_start", "172.20.3.10"), ("dyn_ip_end", "172.20.3.100"))).Succeeded();
        (await _api.CallAsync("ModifyVxnetAttributes", ("vxnet", vxnet), ("vxnet_name", "web"), ("description", "front"))).Succeeded();

        var described = (await _api.CallAsync("DescribeVxnets", ("vxnets.1", vxnet), ("verbose", "1"))).Succeeded().Set("vxnet_set").Single();
        described.Str("vxnet_name").ShouldBe("web");
        described.GetProperty("vxnet_type").GetInt32().ShouldBe(1);
        described.GetProperty("available_ip_count").GetInt32().ShouldBe(252);
        described.Str("vpc_router_id").ShouldBe(router);
        described.GetProperty("router").Str("ip_network").ShouldBe("172.20.3.0/24");
        described.GetProperty("router").Str("manager_ip").ShouldBe("172.20.3.1");
        described.GetProperty("instance_ids").GetArrayLength().ShouldBe(0);
        var routerVxnet = (await _api.CallAsync("DescribeRouterVxnets", ("router", router))).Succeeded().Set("router_vxnet_set").Single();
        routerVxnet.Str("dyn_ip_start").ShouldBe("172.20.3.10");
        routerVxnet.Str("dyn_ip_end").ShouldBe("172.20.3.100");
        routerVxnet.GetProperty("features").GetInt32().ShouldBe(1);
        (await _api.CallAsync("DescribeRouterVxnets", ("router", "*"))).Succeeded().Set("router_vxnet_set").ShouldContain(x => x.Str("vxnet_id") == vxnet);

        var leave = (await _api.CallAsync("LeaveRouter", ("router", router), ("vxnets.1", vxnet))).Succeeded();
        leave.Strings("vxnets").ShouldBe([vxnet]);
        (await _api.WaitJobAsync(leave.Str("job_id"))).ShouldBe("successful");
        var loose = (await _api.CallAsync("DescribeVxnets", ("vxnets.1", vxnet))).Succeeded().Set("vxnet_set").Single();
        loose.GetProperty("router").ValueKind.ShouldBe(JsonValueKind.Null);
        loose.Str("vpc_router_id").ShouldBe("");
        loose.TryGetProperty("instance_ids", out _).ShouldBeFalse();
        (await _api.CallAsync("DeleteVxnets", ("vxnets.1", vxnet))).Succeeded().Strings("vxnets").ShouldBe([vxnet]);
    }

    [Fact]
    public async Task NicsAreCreatedAttachedDescribedModifiedDetachedAndDeleted()
    {
        var vxnet = await JoinedVxnetAsync("172.21.0.0/16", "172.21.7.0/24");
        var server = await ServerAsync();

        var created = (await _api.CallAsync("CreateNics", ("vxnet", vxnet), ("nic_name", "api"), ("count", "1"),
            ("private_ips.1", "172.21.7.100"), ("private_ips.2", "172.21.7.101"))).Succeeded();
        var nics = created.Set("nics");
        nics.Select(n => n.Str("private_ip")).ShouldBe(["172.21.7.100", "172.21.7.101"]);
        nics.ShouldAllBe(n => n.Str("nic_id").StartsWith("52:54:"));
        var ids = nics.Select(n => n.Str("nic_id")).ToList();

        var attach = (await _api.CallAsync("AttachNics", ("instance", server), ("nics.1", ids[0]), ("nics.2", ids[1]))).Succeeded();
        (await _api.WaitJobAsync(attach.Str("job_id"))).ShouldBe("successful");
        var attached = (await _api.CallAsync("DescribeNics", ("instances.1", server), ("nic_name", ""), ("limit", "20"), ("offset", "0"))).Succeeded();
        attached.GetProperty("total_count").GetInt32().ShouldBe(3);
        var first = attached.Set("nic_set").Single(n => n.Str("nic_id") == ids[0]);
        first.Str("status").ShouldBe("in-use");
        first.Str("instance_id").ShouldBe(server);
        first.GetProperty("role").GetInt32().ShouldBe(0);
        first.GetProperty("sequence").GetInt32().ShouldBe(1);
        first.Str("transition_status").ShouldBe("");
        first.GetProperty("tags").GetArrayLength().ShouldBe(0);
        var instance = (await _api.CallAsync("DescribeInstances", ("instances.1", server))).Succeeded().Set("instance_set").Single();
        instance.Set("vxnets").Select(v => v.Str("private_ip")).ShouldBe(["10.120.7.2", "172.21.7.100", "172.21.7.101"], ignoreOrder: false, customMessage: instance.ToString());
        instance.Set("vxnets")[0].GetProperty("role").GetInt32().ShouldBe(1);
        instance.Set("vxnets").ShouldAllBe(v => v.GetProperty("vxnet_type").GetInt32() == 1);
        var members = (await _api.CallAsync("DescribeVxnetInstances", ("vxnet", vxnet))).Succeeded().Set("instance_set");
        members.Select(m => m.Str("private_ip")).ShouldBe(["172.21.7.100", "172.21.7.101"], ignoreOrder: true);
        members.ShouldAllBe(m => m.Str("instance_id") == server && m.GetProperty("dhcp_options").ValueKind == JsonValueKind.Object);

        (await _api.CallAsync("ModifyNicAttributes", ("nic", ids[0]), ("nic_name", "renamed"))).Succeeded();
        var detach = (await _api.CallAsync("DetachNics", ("nics.1", ids[0]), ("nics.2", ids[1]))).Succeeded();
        (await _api.WaitJobAsync(detach.Str("job_id"))).ShouldBe("successful");
        (await _api.CallAsync("ModifyNicAttributes", ("nic", ids[0]), ("private_ip", "172.21.7.50"))).Succeeded();
        var available = (await _api.CallAsync("DescribeNics", ("nics.1", ids[0]), ("status", "available"))).Succeeded().Set("nic_set").Single();
        available.Str("nic_name").ShouldBe("renamed");
        available.Str("private_ip").ShouldBe("172.21.7.50");
        available.GetProperty("sequence").GetInt32().ShouldBe(0);
        available.Str("instance_id").ShouldBe("");

        var deleted = (await _api.CallAsync("DeleteNics", ("nics.1", ids[0]), ("nics.2", ids[1]))).Succeeded();
        deleted.TryGetProperty("job_id", out _).ShouldBeFalse();
        (await _api.CallAsync("DescribeNics", ("nics.1", ids[0]))).GetProperty("total_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task InstancesRunStopStartRestartAndTerminate()
    {
        var vxnet = await JoinedVxnetAsync("172.22.0.0/16", "172.22.1.0/24");
        var run = (await _api.CallAsync("RunInstances", ("instance_name", "web"), ("image_id", "centos7x64"), ("instance_type", "s1.small"),
            ("cpu", "2"), ("memory", "2048"), ("login_mode", "passwd"), ("login_passwd", "Secret2026!"), ("cpu_max", "0"), ("hostname", ""),
            ("vxnets.1", $"{vxnet}|172.22.1.40"))).Succeeded();
        var server = run.Strings("instances").Single();
        (await _api.WaitJobAsync(run.Str("job_id"))).ShouldBe("successful");

        foreach (var action in new[] { "StopInstances", "StartInstances", "RestartInstances" })
        {
            var reply = (await _api.CallAsync(action, ("instances.1", server))).Succeeded();
            (await _api.WaitJobAsync(reply.Str("job_id"))).ShouldBe("successful");
        }
        var instance = (await _api.CallAsync("DescribeInstances", ("instances.1", server), ("status.1", "running"))).Succeeded().Set("instance_set").Single();
        instance.Str("instance_name").ShouldBe("web");
        instance.GetProperty("vcpus_current").GetInt32().ShouldBe(2);
        instance.GetProperty("memory_current").GetInt32().ShouldBe(2048);
        instance.Set("vxnets")[0].Str("private_ip").ShouldBe("172.22.1.40");
        instance.Set("vxnets")[0].GetProperty("role").GetInt32().ShouldBe(1);
        instance.TryGetProperty("login_passwd", out _).ShouldBeFalse();

        var terminate = (await _api.CallAsync("TerminateInstances", ("instances.1", server))).Succeeded();
        (await _api.WaitJobAsync(terminate.Str("job_id"))).ShouldBe("successful");
        (await _api.CallAsync("DescribeInstances", ("instances.1", server))).GetProperty("total_count").GetInt32().ShouldBe(0);
        (await _api.CallAsync("DescribeInstances", ("instances.1", server), ("status.1", "terminated"))).GetProperty("total_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task JobsAreDescribedWithTheirRequest()
    {
        var created = (await _api.CallAsync("CreateRouters", ("router_name", "j"))).Succeeded();
        await _api.WaitJobAsync(created.Str("job_id"));

        var job = (await _api.CallAsync("DescribeJobs", ("jobs.1", created.Str("job_id")), ("verbose", "0"))).Succeeded().Set("job_set").Single();

        job.Str("job_action").ShouldBe("CreateRouters");
        job.Str("status").ShouldBe("successful");
        job.Str("resource_ids").ShouldBe(created.Strings("routers").Single());
        job.Str("owner").ShouldBe("api-user");
        JsonDocument.Parse(job.Str("directive")).RootElement.Str("vpc_network").ShouldBe("192.168.0.0/16");
        (await _api.CallAsync("DescribeJobs", ("status.1", "successful"), ("job_action", "CreateRouters"))).Succeeded()
            .Set("job_set").ShouldContain(j => j.Str("job_id") == created.Str("job_id"));
    }

    [Fact]
    public async Task PagesCountBeforePagingAndCapTheLimit()
    {
        var vxnet = await JoinedVxnetAsync("172.23.0.0/16", "172.23.1.0/24");
        (await _api.CallAsync("CreateNics", ("vxnet", vxnet), ("count", "120"))).Succeeded();

        var capped = (await _api.CallAsync("DescribeNics", ("vxnets.1", vxnet), ("limit", "500"))).Succeeded();
        var defaulted = (await _api.CallAsync("DescribeNics", ("vxnets.1", vxnet))).Succeeded();
        var last = (await _api.CallAsync("DescribeNics", ("vxnets.1", vxnet), ("offset", "110"), ("limit", "50"))).Succeeded();

        capped.Set("nic_set").Count.ShouldBe(100);
        capped.GetProperty("total_count").GetInt32().ShouldBe(120);
        defaulted.Set("nic_set").Count.ShouldBe(20);
        last.Set("nic_set").Count.ShouldBe(10);
    }

    [Fact]
    public async Task FiltersArriveAsScalarsOrIndexedLists()
    {
        var vxnet = await JoinedVxnetAsync("172.24.0.0/16", "172.24.1.0/24");
        (await _api.CallAsync("CreateNics", ("vxnet", vxnet), ("count", "3"))).Succeeded();

        var scalar = (await _api.CallAsync("DescribeNics", ("vxnets.1", vxnet), ("status", "available"), ("vxnet_type", "1"))).Succeeded();
        var list = (await _api.CallAsync("DescribeNics", ("vxnets.1", vxnet), ("status.1", "available"), ("vxnet_type.1", "1"))).Succeeded();
        var none = (await _api.CallAsync("DescribeNics", ("vxnets.1", vxnet), ("status.1", "in-use"))).Succeeded();

        scalar.GetProperty("total_count").GetInt32().ShouldBe(3);
        list.GetProperty("total_count").GetInt32().ShouldBe(3);
        none.GetProperty("total_count").GetInt32().ShouldBe(0);
    }

    private async Task<string> RouterAsync(string range)
    {
        var created = (await _api.CallAsync("CreateRouters", ("router_name", "r"), ("vpc_network", range))).Succeeded();
        (await _api.WaitJobAsync(created.Str("job_id"))).ShouldBe("successful");
        return created.Strings("routers").Single();
    }

    private async Task<string> JoinedVxnetAsync(string range, string subnet)
    {
        var router = await RouterAsync(range);
        var vxnet = (await _api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();
        var join = (await _api.CallAsync("JoinRouter", ("vxnet", vxnet), ("router", router), ("ip_network", subnet))).Succeeded();
        (await _api.WaitJobAsync(join.Str("job_id"))).ShouldBe("successful");
        return vxnet;
    }

    private async Task<string> ServerAsync()
    {
        var run = (await _api.CallAsync("RunInstances", ("instance_name", "s"), ("vxnets.1", "vxnet-0"))).Succeeded();
        (await _api.WaitJobAsync(run.Str("job_id"))).ShouldBe("successful");
        return run.Strings("instances").Single();
    }
}
