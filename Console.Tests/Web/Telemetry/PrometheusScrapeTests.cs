namespace NicConsole.Tests.Web.Telemetry;

/// <summary>A real Prometheus scrapes a real console process; its HTTP API then shows the jobs and API calls just made.</summary>
public sealed class PrometheusScrapeTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Dictionary<string, string> Settings => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Default"] = _database.ConnectionString,
        ["DemoData:Enabled"] = "true",
        ["DataPlane:LatencyMilliseconds"] = "20",
        ["Telemetry:Prometheus"] = "true",
    };

    [Fact]
    public async Task Prometheus_scraping_the_console_shows_the_attach_jobs_and_the_api_calls_by_ret_code()
    {
        var (keyId, secret) = await ConsoleProcess.NewAdminKeyAsync(Settings, "scraper");

        await using var console = new ConsoleProcess(Settings);
        await console.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync(new Uri(console.BaseUrl).Authority);
        var api = new IaasClient(new HttpClient { BaseAddress = new Uri(console.BaseUrl) }, keyId, secret);

        var vxnet = (await api.CallAsync("DescribeVxnets")).Succeeded().Set("vxnet_set").Single(x => x.Str("vxnet_id") != "vxnet-0").Str("vxnet_id");
        var server = (await api.CallAsync("DescribeInstances")).Succeeded().Set("instance_set").Single().Str("instance_id");
        var nics = (await api.CallAsync("CreateNics", ("vxnet", vxnet), ("count", "3"))).Succeeded().Set("nics").Select(n => n.Str("nic_id")).ToList();
        foreach (var nic in nics)
        {
            (await api.WaitJobAsync((await api.CallAsync("AttachNics", ("nics.1", nic), ("instance", server))).Succeeded().Str("job_id"))).ShouldBe("successful");
        }
        (await api.CallAsync("AttachNics", ("nics.1", nics[0]), ("instance", server))).GetProperty("ret_code").GetInt32().ShouldNotBe(0);
        (await api.CallAsync("DescribeNics", ("limit", "many"))).GetProperty("ret_code").GetInt32().ShouldBe(1100);

        var jobs = await prometheus.WaitForAsync("""sum by (job_action, job_result) (nicconsole_jobs_completed_total{job_action="AttachNics"})""",
            r => r.Count == 1 && r[0].Value == 3);
        jobs[0].Labels["job_result"].ShouldBe("succeeded");
        await prometheus.WaitForAsync("""sum(nicconsole_job_duration_seconds_count{job_action="AttachNics"})""", r => r is [{ Value: 3 }]);
        var attaches = await prometheus.WaitForAsync("""sum by (api_ret_code) (nicconsole_api_calls_total{api_action="AttachNics"})""",
            r => r.Sum(s => s.Value) == 4);
        attaches.Single(s => s.Labels["api_ret_code"] == "0").Value.ShouldBe(3);
        attaches.Single(s => s.Labels["api_ret_code"] != "0").Value.ShouldBe(1);
        await prometheus.WaitForAsync("""sum(nicconsole_api_calls_total{api_action="DescribeNics",api_ret_code="1100"})""", r => r is [{ Value: 1 }]);
        (await prometheus.QueryAsync("""up{job="nicconsole"}""")).ShouldHaveSingleItem().Value.ShouldBe(1);
    }
}
