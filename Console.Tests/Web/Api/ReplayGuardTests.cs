using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NicConsole.Web.Api;

namespace NicConsole.Tests.Web.Api;

public class ReplayGuardTests
{
    private readonly ReplayGuard _guard = new(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));

    [Fact]
    public async Task ASignatureIsRecordedOnceWithinItsWindow()
    {
        (await _guard.TryRecordAsync("key", "c2ln+bmF0dXJl", TimeSpan.FromMinutes(5), default)).ShouldBeTrue();

        (await _guard.TryRecordAsync("key", "c2ln+bmF0dXJl", TimeSpan.FromMinutes(5), default)).ShouldBeFalse();
        (await _guard.TryRecordAsync("key", "c2ln bmF0dXJl", TimeSpan.FromMinutes(5), default)).ShouldBeFalse("a + that a query turned into a space is the same signature");
        (await _guard.TryRecordAsync("other-key", "c2ln+bmF0dXJl", TimeSpan.FromMinutes(5), default)).ShouldBeTrue();
    }

    [Fact]
    public async Task AfterItsWindowASignatureIsNoLongerRemembered()
    {
        (await _guard.TryRecordAsync("key", "sig", TimeSpan.FromMilliseconds(50), default)).ShouldBeTrue();

        await Task.Delay(150);

        (await _guard.TryRecordAsync("key", "sig", TimeSpan.FromMinutes(5), default)).ShouldBeTrue();
    }

    [Fact]
    public async Task AForgottenSignatureMayBeSentAgain()
    {
        (await _guard.TryRecordAsync("key", "sig", TimeSpan.FromMinutes(5), default)).ShouldBeTrue();

        await _guard.ForgetAsync("key", "sig");

        (await _guard.TryRecordAsync("key", "sig", TimeSpan.FromMinutes(5), default)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("DescribeNics", false)]
    [InlineData("DescribeJobs", false)]
    [InlineData("CreateNics", true)]
    [InlineData("AttachNics", true)]
    [InlineData("RunInstances", true)]
    public void OnlyChangesAreGuarded(string action, bool guarded) => ReplayGuard.Applies(action).ShouldBe(guarded);
}
