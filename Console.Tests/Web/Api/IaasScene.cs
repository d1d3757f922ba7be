namespace NicConsole.Tests.Web.Api;

/// <summary>A small world built through the API itself: a VPC, a joined VxNet, a running and a stopped server.</summary>
public sealed class IaasScene
{
    public string Router { get; private set; } = "";
    public string Vxnet { get; private set; } = "";
    public string Running { get; private set; } = "";
    public string Stopped { get; private set; } = "";

    public static async Task<IaasScene> BuildAsync(IaasClient api, string range = "172.16.0.0/16", string subnet = "172.16.1.0/24")
    {
        var scene = new IaasScene();
        var router = (await api.CallAsync("CreateRouters", ("vpc_network", range))).Succeeded();
        scene.Router = router.Strings("routers").Single();
        await api.WaitJobAsync(router.Str("job_id"));
        scene.Vxnet = (await api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();
        await api.WaitJobAsync((await api.CallAsync("JoinRouter", ("vxnet", scene.Vxnet), ("router", scene.Router), ("ip_network", subnet))).Succeeded().Str("job_id"));
        var servers = (await api.CallAsync("RunInstances", ("vxnets.1", "vxnet-0"), ("count", "2"))).Succeeded();
        await api.WaitJobAsync(servers.Str("job_id"));
        (scene.Running, scene.Stopped) = (servers.Strings("instances")[0], servers.Strings("instances")[1]);
        await api.WaitJobAsync((await api.CallAsync("StopInstances", ("instances.1", scene.Stopped))).Succeeded().Str("job_id"));
        return scene;
    }

    public async Task<IReadOnlyList<string>> NicsAsync(IaasClient api, int count = 1) =>
        (await api.CallAsync("CreateNics", ("vxnet", Vxnet), ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Succeeded().Set("nics").Select(n => n.Str("nic_id")).ToList();

    public async Task AttachAsync(IaasClient api, string server, IReadOnlyList<string> nics)
    {
        var parameters = nics.Select((nic, i) => ($"nics.{i + 1}", nic)).Append(("instance", server)).ToArray();
        (await api.WaitJobAsync((await api.CallAsync("AttachNics", parameters)).Succeeded().Str("job_id"))).ShouldBe("successful");
    }
}
