using System.Collections.Concurrent;
using System.Diagnostics;
using NicConsole.Domain.Telemetry;
using NicConsole.Web.Features.Vpcs.Store;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Telemetry;

/// <summary>A console action is one trace: the store's effect, the use case it runs, and the job that use case queues.</summary>
[Collection(TelemetryAlone.Name)]
public sealed class ConsoleActionTraceTests : ConsoleTestContext
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    [Fact]
    public async Task Creating_a_vpc_from_the_console_traces_the_effect_the_use_case_and_the_job_in_one_trace()
    {
        var spans = _spans;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ConsoleTelemetry.SourceName or Store.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await StoreAsync();
        Services.GetRequiredService<IDispatcher>().Dispatch(new CreateVpcsAction("traced", "192.168.0.0/16"));
        await UntilAsync(() => spans.Any(s => s.DisplayName == "effect CreateVpcsAction"));
        await Harness.Jobs.RunAllPendingAsync();

        var effect = spans.Single(s => s.DisplayName == "effect CreateVpcsAction");
        var useCase = spans.Single(s => s.DisplayName == "use_case CreateVpcs");
        useCase.TraceId.ShouldBe(effect.TraceId);
        useCase.ParentSpanId.ShouldBe(effect.SpanId);
        var job = spans.Single(s => s.DisplayName == "job CreateRouters");
        job.TraceId.ShouldBe(effect.TraceId);
        job.ParentSpanId.ShouldBe(useCase.SpanId);
        spans.Single(s => s.DisplayName == "dataplane CreateRouters").ParentSpanId.ShouldBe(job.SpanId);
    }

    private async Task UntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the effect's span never ended; spans: " + string.Join(", ", _spans.Select(s => s.DisplayName)));
            await Task.Delay(20);
        }
    }
}
