using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NicConsole.Web.Api;
using static NicConsole.Web.Api.RequestIdempotency;

namespace NicConsole.Tests.Web.Api;

public class RequestIdempotencyTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly RequestIdempotency _store = new(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));

    private static IaasParameters Call(string name, string timeStamp = "2026-12-05T10:00:00Z", string signature = "sig") =>
        IaasParameters.Parse($"action=CreateVxnets&vxnet_name={name}&zone=pek3a&access_key_id=K&req_id=r1&time_stamp={timeStamp}&signature={signature}");

    [Fact]
    public async Task AFirstSendingStartsAndTheNextOnesGetItsAnswerWhatEverTheirSignatureAndTime()
    {
        (await _store.BeginAsync("K", "r1", Call("a"), Window, default)).Outcome.ShouldBe(Outcome.Started);
        (await _store.BeginAsync("K", "r1", Call("a"), Window, default)).Outcome.ShouldBe(Outcome.InProgress);

        await _store.CompleteAsync("K", "r1", Call("a"), new Dictionary<string, object?> { ["ret_code"] = 0, ["vxnets"] = new[] { "vxnet-abc1234" } }, Window);

        var (outcome, answer) = await _store.BeginAsync("K", "r1", Call("a", "2026-12-05T10:00:07Z", "other"), Window, default);
        outcome.ShouldBe(Outcome.Answered);
        System.Text.Json.JsonSerializer.Serialize(answer).ShouldBe("""{"ret_code":0,"vxnets":["vxnet-abc1234"]}""");
    }

    [Fact]
    public async Task AReqIdWithOtherParametersIsReusedAndAnotherKeysIsItsOwn()
    {
        (await _store.BeginAsync("K", "r1", Call("a"), Window, default)).Outcome.ShouldBe(Outcome.Started);

        (await _store.BeginAsync("K", "r1", Call("b"), Window, default)).Outcome.ShouldBe(Outcome.Reused);
        (await _store.BeginAsync("K2", "r1", Call("b"), Window, default)).Outcome.ShouldBe(Outcome.Started);
    }

    [Fact]
    public async Task AForgottenOrExpiredSendingStartsAgain()
    {
        (await _store.BeginAsync("K", "r1", Call("a"), Window, default)).Outcome.ShouldBe(Outcome.Started);
        await _store.ForgetAsync("K", "r1");
        (await _store.BeginAsync("K", "r1", Call("a"), TimeSpan.FromMilliseconds(50), default)).Outcome.ShouldBe(Outcome.Started);

        await Task.Delay(150);

        (await _store.BeginAsync("K", "r1", Call("a"), Window, default)).Outcome.ShouldBe(Outcome.Started);
    }

    [Theory]
    [InlineData("DescribeNics", false)]
    [InlineData("DescribeJobs", false)]
    [InlineData("CreateNics", true)]
    [InlineData("AttachNics", true)]
    [InlineData("RunInstances", true)]
    public void OnlyChangesAreRemembered(string action, bool remembered) => RequestIdempotency.Applies(action).ShouldBe(remembered);
}
