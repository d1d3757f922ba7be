using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Persistence;
using NicConsole.Web.CommandLine;

namespace NicConsole.Tests.Web.CommandLine;

/// <summary><c>hosts add|list|drain|undrain|rotate-token|remove</c>, as a shell would run them.</summary>
public sealed class HostsCommandTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static int _next = 100;

    private static (string Name, string Underlay) Unique()
    {
        var n = Interlocked.Increment(ref _next);
        return ($"hc{n}", $"192.0.2.{n}");
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await HostsCommand.RunAsync(app.Services, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<Hypervisor?> HostAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ConsoleDbContext>>().CreateDbContextAsync();
        return await db.Hosts.AsNoTracking().SingleOrDefaultAsync(h => h.Name == name);
    }

    [Fact]
    public async Task AddPrintsTheTokenOnceAndTheHostIsListedOfflineUntilItsAgentReports()
    {
        var (name, underlay) = Unique();

        var (exit, output, _) = await RunAsync("hosts", "add", "--name", name, "--zone", "pek3a", "--underlay", underlay, "--servers", "8", "--nics", "64");

        exit.ShouldBe(0);
        var token = output.Split('\n').Single(l => l.StartsWith("token: ", StringComparison.Ordinal))["token: ".Length..].Trim();
        (await HostAsync(name))!.Accepts(token).ShouldBeTrue();
        var listed = (await RunAsync("hosts", "list")).Output.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        listed.Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe([name, "pek3a", underlay, "offline", "0/8", "0/64"]);
        (await RunAsync("hosts", "list")).Output.ShouldNotContain(token);
    }

    [Fact]
    public async Task DrainUndrainRotateAndRemoveAnEmptyHost()
    {
        var (name, underlay) = Unique();
        var first = (await RunAsync("hosts", "add", "--name", name, "--underlay", underlay)).Output;
        var token = first.Split('\n').Single(l => l.StartsWith("token: ", StringComparison.Ordinal))[7..].Trim();

        (await RunAsync("hosts", "drain", name)).ShouldBe((0, $"drained: {name}\n", ""));
        (await HostAsync(name))!.Drained.ShouldBeTrue();
        (await RunAsync("hosts", "undrain", name)).Exit.ShouldBe(0);
        (await HostAsync(name))!.Drained.ShouldBeFalse();
        var rotated = (await RunAsync("hosts", "rotate-token", name)).Output["token: ".Length..].Trim();
        (await HostAsync(name))!.Accepts(token).ShouldBeFalse();
        (await HostAsync(name))!.Accepts(rotated).ShouldBeTrue();
        (await RunAsync("hosts", "remove", name)).ShouldBe((0, $"removed: {name}\n", ""));
        (await HostAsync(name)).ShouldBeNull();
    }

    [Theory]
    [InlineData(2, "hosts", "add", "--name", "hx")]
    [InlineData(2, "hosts", "add", "--name", "hx", "--underlay", "192.0.2.250", "--servers", "many")]
    [InlineData(2, "hosts", "add", "--name", "hx", "--underlay", "192.0.2.250", "--colour", "red")]
    [InlineData(1, "hosts", "add", "--name", "Hx", "--underlay", "192.0.2.250")]
    [InlineData(1, "hosts", "add", "--name", "hx", "--underlay", "192.0.2.250", "--zone", "nowhere")]
    [InlineData(1, "hosts", "drain", "no-such-host")]
    [InlineData(2, "hosts", "reboot", "h1")]
    public async Task BadInputIsRefusedWithAMessageAndAddsNothing(int expected, params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        exit.ShouldBe(expected);
        output.ShouldBeEmpty();
        error.ShouldNotBeEmpty();
        (await HostAsync("hx")).ShouldBeNull();
    }
}
