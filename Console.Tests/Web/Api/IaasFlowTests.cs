using System.Diagnostics;
using System.Text.Json;
using NicConsole.Web.CommandLine;
using Xunit.Abstractions;

namespace NicConsole.Tests.Web.Api;

/// <summary>The whole flow over HTTP, in the exact shapes the official clients send.</summary>
public class IaasFlowTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(IaasClient.Style.PythonSdk)]
    [InlineData(IaasClient.Style.Cli)]
    [InlineData(IaasClient.Style.GoSdk)]
    public async Task TheNicFlowRunsAsEachClientSendsIt(IaasClient.Style style)
    {
        var api = await factory.ClientForNewKeyAsync($"flow-{style}");
        api.Shape = style;
        var range = style switch { IaasClient.Style.PythonSdk => "172.17", IaasClient.Style.Cli => "172.18", _ => "172.19" };

        var router = (await api.CallAsync("CreateRouters", ("router_name", "flow"), ("router_type", "1"), ("vpc_network", $"{range}.0.0/16"),
            ("count", "1"), ("security_group", ""))).Succeeded();
        (await api.WaitJobAsync(router.Str("job_id"))).ShouldBe("successful");
        var routerId = router.Strings("routers").Single();
        var vxnet = (await api.CallAsync("CreateVxnets", ("vxnet_name", "flow"), ("vxnet_type", "1"), ("count", "1"), ("mode", "0"))).Succeeded().Strings("vxnets").Single();
        var join = await api.CallAsync("JoinRouter", ("vxnet", vxnet), ("router", routerId), ("ip_network", $"{range}.1.0/24"), ("features", "1"));
        (await api.WaitJobAsync(join.Succeeded().Str("job_id"))).ShouldBe("successful");
        var run = (await api.CallAsync("RunInstances", ("instance_name", "hosta"), ("image_id", "centos7x64"), ("instance_type", "small_b"),
            ("login_mode", "passwd"), ("login_passwd", "Flow2026pass"), ("count", "1"), ("vxnets.1", "vxnet-0"), ("cpu_max", "0"), ("mem_max", "0"),
            ("hostname", ""), ("login_keypair", ""), ("nic_mqueue", "0"), ("need_userdata", "0"), ("dry_run", "0"))).Succeeded();
        (await api.WaitJobAsync(run.Str("job_id"))).ShouldBe("successful");
        var server = run.Strings("instances").Single();
        var nics = (await api.CallAsync("CreateNics", ("vxnet", vxnet), ("nic_name", "flow"), ("count", "1"),
            ("private_ips.1", $"{range}.1.100"), ("private_ips.2", $"{range}.1.101"))).Succeeded().Set("nics").Select(n => n.Str("nic_id")).ToList();

        var attach = (await api.CallAsync("AttachNics", ("instance", server), ("nics.1", nics[0]), ("nics.2", nics[1].ToUpperInvariant()))).Succeeded();
        (await api.WaitJobAsync(attach.Str("job_id"))).ShouldBe("successful");
        var described = (await api.CallAsync("DescribeNics", ("nic_name", ""), ("status.1", "in-use"), ("vxnet_type.1", "1"), ("limit", "20"),
            ("offset", "0"), ("instances.1", server))).Succeeded();
        described.Set("nic_set").Select(n => (n.Str("private_ip"), n.GetProperty("sequence").GetInt32())).ShouldBe(
            [($"{range}.1.100", 1), ($"{range}.1.101", 2)], ignoreOrder: true);
        var instance = (await api.CallAsync("DescribeInstances", ("instances.1", server), ("verbose", "1"), ("limit", "20"), ("offset", "0"))).Succeeded();
        instance.Set("instance_set").Single().Set("vxnets").Count.ShouldBe(3);

        var detach = (await api.CallAsync("DetachNics", ("nics.1", nics[0]), ("nics.2", nics[1]))).Succeeded();
        (await api.WaitJobAsync(detach.Str("job_id"))).ShouldBe("successful");
        (await api.CallAsync("DeleteNics", ("nics.1", nics[0]), ("nics.2", nics[1]))).Succeeded();
        (await api.WaitJobAsync((await api.CallAsync("TerminateInstances", ("instances.1", server), ("direct_cease", "0"))).Succeeded().Str("job_id"))).ShouldBe("successful");
        (await api.WaitJobAsync((await api.CallAsync("LeaveRouter", ("router", routerId), ("vxnets.1", vxnet))).Succeeded().Str("job_id"))).ShouldBe("successful");
        (await api.CallAsync("DeleteVxnets", ("vxnets.1", vxnet))).Succeeded();
        (await api.WaitJobAsync((await api.CallAsync("DeleteRouters", ("routers.1", routerId))).Succeeded().Str("job_id"))).ShouldBe("successful");

        var log = (await factory.Get<OperationQueries>().QueryAsync(OperationContext.System("x", "pek3a"), new() { User = $"flow-{style}", Page = new(Limit: 100) })).Ok();
        log.Items.Select(o => o.Action).ShouldContain("AttachNics");
    }

    [Fact]
    public async Task BothPathsAndFormPostAreServed()
    {
        var api = await factory.ClientForNewKeyAsync();

        api.Shape = IaasClient.Style.GoSdk;
        (await api.CallAsync("DescribeVxnets")).Succeeded();
        api.Shape = IaasClient.Style.PythonSdk;
        (await api.CallAsync("DescribeVxnets")).Succeeded();
        (await api.SendAsync(HttpMethod.Post, "DescribeVxnets", [("vxnet_name", "a b+c")])).Succeeded();
        (await api.SendAsync(HttpMethod.Post, "CreateVxnets", [("vxnet_type", "1"), ("vxnet_name", "网 络+1")])).Succeeded();
        (await api.CallAsync("DescribeVxnets", ("search_word", "网 络+1"))).Succeeded().Set("vxnet_set").Single().Str("vxnet_name").ShouldBe("网 络+1");
    }

    [Fact]
    public async Task ASignatureOverTheOtherPathIsRefused()
    {
        var api = await factory.ClientForNewKeyAsync();
        var response = await api.RawAsync(HttpMethod.Get, "DescribeNics", []);
        var query = response.RequestMessage!.RequestUri!.Query;

        var moved = await factory.CreateClient().GetStringAsync("/iaas" + query);

        JsonDocument.Parse(moved).RootElement.RetCode().ShouldBe(1200);
    }

    [Fact]
    public async Task FiftyParallelAttachesOfOneNicGiveExactlyOneSuccess()
    {
        var api = await factory.ClientForNewKeyAsync();
        var scene = await IaasScene.BuildAsync(api, "172.29.0.0/16", "172.29.1.0/24");
        var run = (await api.CallAsync("RunInstances", ("vxnets.1", "vxnet-0"), ("count", "50"))).Succeeded();
        (await api.WaitJobAsync(run.Str("job_id"))).ShouldBe("successful");
        var nic = (await scene.NicsAsync(api))[0];
        var clock = Stopwatch.StartNew();

        var replies = await Task.WhenAll(run.Strings("instances").Select(server => Task.Run(() =>
            api.CallAsync("AttachNics", ("instance", server), ("nics.1", nic)))));

        output.WriteLine($"50 parallel AttachNics over HTTP: {replies.Count(r => r.RetCode() == 0)} succeeded in {clock.ElapsedMilliseconds} ms");
        replies.Count(r => r.RetCode() == 0).ShouldBe(1);
        replies.Where(r => r.RetCode() != 0).ShouldAllBe(r => r.RetCode() == 1400);
    }

    [Fact]
    public async Task TheKeysCommandPrintsTwoLinesAndTheKeyWorks()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        (await KeysCommand.RunAsync(factory.Services, ["keys", "create", "--user", "ci-bot"], TextWriter.Null, error)).ShouldBe(1, "ci-bot is no user yet");
        error.ToString().ShouldContain("ci-bot");
        error.GetStringBuilder().Clear();
        (await UsersCommand.RunAsync(factory.Services, ["users", "add", "--name", "ci-bot", "--role", "Operator", "--tenant", "default"], TextReader.Null, TextWriter.Null, error)).ShouldBe(0);

        var exit = await KeysCommand.RunAsync(factory.Services, ["keys", "create", "--user", "ci-bot"], output, error);

        exit.ShouldBe(0);
        error.ToString().ShouldBeEmpty();
        var lines = output.ToString().TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(2);
        lines[0].ShouldMatch("^access_key_id: NC[A-Z0-9]{18}$");
        lines[1].ShouldMatch("^secret_access_key: [A-Za-z0-9]{40}$");
        var api = new IaasClient(factory.CreateClient(), lines[0]["access_key_id: ".Length..], lines[1]["secret_access_key: ".Length..]);
        (await api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded();
        var log = (await factory.Get<OperationQueries>().QueryAsync(OperationContext.System("x", "pek3a"), new() { User = "ci-bot" })).Ok();
        log.Items.ShouldHaveSingleItem().Action.ShouldBe("CreateVxnets");
    }

    [Fact]
    public async Task TheKeysCommandExplainsItsUsage()
    {
        var error = new StringWriter();

        (await KeysCommand.RunAsync(factory.Services, ["keys", "make"], TextWriter.Null, error)).ShouldBe(2);
        error.ToString().ShouldContain("keys create [--user NAME]");
    }
}
