using System.Diagnostics;
using NicConsole.Tests.Web.Api;

namespace NicConsole.Tests.Web.Telemetry;

/// <summary>An API call, a use case and a job each move the instruments they should, with the labels they should.</summary>
[Collection(TelemetryAlone.Name)]
public sealed class MetersTests : IAsyncLifetime
{
    private readonly TelemetryFactory _app = new();
    private IaasClient _api = default!;

    public async Task InitializeAsync() => _api = await _app.ClientForNewKeyAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_api_call_is_counted_and_timed_by_its_action_and_ret_code_and_an_unknown_action_is_never_a_label()
    {
        var before = _app.Value("nicconsole.api.calls", ("api.action", "DescribeNics"), ("api.ret_code", "0"));
        await _api.CallAsync("DescribeNics");
        await _api.CallAsync("DescribeNics");
        (await _api.CallAsync("DescribeNics", ("limit", "many"))).GetProperty("ret_code").GetInt32().ShouldNotBe(0);
        (await _api.CallAsync("StealSecretsZebra")).GetProperty("ret_code").GetInt32().ShouldBe(1100);

        _app.Value("nicconsole.api.calls", ("api.action", "DescribeNics"), ("api.ret_code", "0")).ShouldBe(before + 2);
        _app.Value("nicconsole.api.duration", ("api.action", "DescribeNics"), ("api.ret_code", "0")).ShouldBe(before + 2);
        _app.Points("nicconsole.api.calls").ShouldContain(p => p.Tags["api.action"] == "DescribeNics" && p.Tags["api.ret_code"] != "0");
        _app.Value("nicconsole.api.calls", ("api.action", "unknown"), ("api.ret_code", "1100")).ShouldBe(1);
        _app.Points("nicconsole.api.calls").ShouldAllBe(p => !p.Tags.Values.Any(v => v.Contains("Zebra")));
    }

    [Fact]
    public async Task A_refused_call_is_logged_with_the_request_id_of_its_trace()
    {
        (await _api.CallAsync("DeleteVxnets", ("vxnets.1", "vxnet-zebra98"))).GetProperty("ret_code").GetInt32().ShouldBe(2100);

        var call = _app.Spans.ToArray().Last(s => s?.DisplayName == "iaas DeleteVxnets");
        var line = _app.Logs.Lines.Where(l => l.Contains("refused with ret_code 2100")).ShouldHaveSingleItem();
        line.ShouldContain("API action DeleteVxnets");
        line.ShouldContain($"request id 00-{call.TraceId}-");
    }

    [Fact]
    public async Task A_use_case_is_timed_by_its_name_and_result_ok_or_the_refusal()
    {
        var vxnet = (await _api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();
        (await _api.CallAsync("DeleteVxnets", ("vxnets.1", "vxnet-zebra99"))).GetProperty("ret_code").GetInt32().ShouldBe(2100);

        _app.Value("nicconsole.use_case.duration", ("use_case", "CreateVxNets"), ("use_case.result", "ok")).ShouldBe(1);
        var refused = _app.Points("nicconsole.use_case.duration").Where(p => p.Tags["use_case"] == "DeleteVxNets").ToList();
        refused.ShouldHaveSingleItem().Tags["use_case.result"].ShouldBe(nameof(NicConsole.Domain.Common.DomainErrors.VxNetNotFound));
        _app.Value("nicconsole.live.published").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_job_is_counted_and_timed_with_its_data_plane_operation_and_the_queue_gauge_reads_the_database()
    {
        var scene = await IaasScene.BuildAsync(_api);
        var nics = await scene.NicsAsync(_api, 2);
        await scene.AttachAsync(_api, scene.Running, nics);

        _app.Value("nicconsole.jobs.completed", ("job.action", "AttachNics"), ("job.result", "succeeded")).ShouldBe(1);
        _app.Value("nicconsole.job.duration", ("job.action", "AttachNics"), ("job.result", "succeeded")).ShouldBe(1);
        _app.Value("nicconsole.job.wait", ("job.action", "AttachNics")).ShouldBe(1);
        _app.Value("nicconsole.dataplane.operation.duration", ("dataplane.operation", "AttachNics"), ("dataplane.outcome", "ok")).ShouldBe(1);
        _app.Value("nicconsole.jobs.completed", ("job.action", "RunInstances"), ("job.result", "succeeded")).ShouldBe(1);
        _app.Points("nicconsole.jobs.queued").Select(p => p.Tags["job.status"]).Order().ShouldBe(["pending", "working"]);
        _app.Value("nicconsole.jobs.queued", ("job.status", "pending")).ShouldBe(0);
        _app.Value("nicconsole.servers.near_full").ShouldBe(0);
    }

    [Fact]
    public async Task A_server_above_ninety_percent_of_its_nics_shows_on_the_near_full_gauge()
    {
        var scene = await IaasScene.BuildAsync(_api);
        var nics = await scene.NicsAsync(_api, 57);
        await scene.AttachAsync(_api, scene.Running, nics);
        await Task.Delay(NicConsole.Domain.Telemetry.DomainMetrics.SampleEvery);
        _app.Value("nicconsole.servers.near_full").ShouldBe(1); // eth0 and 57 more: 58 of 64, above 57.6
    }

    [Fact]
    public async Task An_attach_through_the_api_is_one_trace_through_the_call_the_use_case_the_database_the_job_and_the_data_plane()
    {
        var scene = await IaasScene.BuildAsync(_api);
        var nic = (await scene.NicsAsync(_api)).Single();
        var job = (await _api.CallAsync("AttachNics", ("nics.1", nic), ("instance", scene.Running))).Succeeded().Str("job_id");
        (await _api.WaitJobAsync(job)).ShouldBe("successful");

        var call = await Eventually(() => _app.Spans.ToArray().LastOrDefault(s => s?.DisplayName == "iaas AttachNics"));
        var spans = await Eventually(() => _app.Trace(call.TraceId) is var found && found.Any(s => s.DisplayName == "dataplane AttachNics") ? found : null);
        var names = spans.Select(s => s.DisplayName).ToList();
        names.ShouldContain("use_case AttachNics");
        names.ShouldContain("job AttachNics");
        names.ShouldContain("dataplane AttachNics");
        var useCase = spans.Single(s => s.DisplayName == "use_case AttachNics");
        var commands = spans.Where(s => s.ParentSpanId == useCase.SpanId && s.DisplayName.StartsWith("db ", StringComparison.Ordinal)).ToList();
        commands.ShouldContain(s => s.DisplayName == "db SELECT");
        commands.ShouldContain(s => s.DisplayName == "db UPDATE" || s.DisplayName == "db INSERT");
        commands.ShouldAllBe(s => (string?)s.GetTagItem("db.system.name") == "sqlite");
        var jobSpan = spans.Single(s => s.DisplayName == "job AttachNics");
        jobSpan.GetTagItem("job.id").ShouldBe(job);
        spans.Single(s => s.DisplayName == "dataplane AttachNics").ParentSpanId.ShouldBe(jobSpan.SpanId);
        // The job continues the request's trace below the use case that accepted it.
        spans.Select(s => s.SpanId).ShouldContain(jobSpan.ParentSpanId);
    }

    private static async Task<T> Eventually<T>(Func<T?> read) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (read() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the spans did not arrive within 10 s");
            }
            await Task.Delay(50);
        }
    }
}
