using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NicConsole.Domain.DataPlane.Linux;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>The iproute2 runner's own rules, with a stand-in program in place of <c>ip</c>.</summary>
public sealed class IpRouteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iproute-").FullName;

    private string Program(string body)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the stand-in for ip is a shell script");
        }
        var path = Path.Combine(_folder, "ip");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task ACallThatDoesNotAnswerIsKilledAtItsTimeoutAndSaysSo()
    {
        var ip = new IpRoute(Program("sleep 30"), TimeSpan.FromMilliseconds(500), NullLogger.Instance);
        var clock = Stopwatch.StartNew();

        var error = await Should.ThrowAsync<IpRouteException>(() => ip.ChangeAsync("nc-h1", ["link set br-0 up"], CancellationToken.None));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        error.ExitCode.ShouldBe(-1);
        error.Message.ShouldContain("timed out");
    }

    [Fact]
    public async Task AFailedCallCarriesItsCommandExitCodeAndStderr()
    {
        var ip = new IpRoute(Program("cat > /dev/null; echo 'Cannot find device \"nic-0a0b0c01\"' >&2; exit 1"), TimeSpan.FromSeconds(10), NullLogger.Instance);

        var error = await Should.ThrowAsync<IpRouteException>(() => ip.ChangeAsync("nc-h1", ["link del nic-0a0b0c01"], CancellationToken.None));

        (error.ExitCode, error.Command).ShouldBe((1, "ip -n nc-h1 link del nic-0a0b0c01"));
        error.Error.ShouldContain("Cannot find device");
    }

    [Fact]
    public async Task ABatchedShowGivesOneArrayACommandAndArgumentsArePassedAsTheyAre()
    {
        // It prints its arguments one a line, then two arrays as ip -json -batch does.
        var ip = new IpRoute(Program("for a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$(dirname \"$0\")/args\"; done; cat > /dev/null; echo '[{\"ifname\":\"lo\"}]'; echo '[]'"),
            TimeSpan.FromSeconds(10), NullLogger.Instance);

        var arrays = await ip.ShowAsync("nc-i-a b", ["addr show", "route show"], CancellationToken.None);

        arrays.Count.ShouldBe(2);
        arrays[0][0].GetProperty("ifname").GetString().ShouldBe("lo");
        arrays[1].GetArrayLength().ShouldBe(0);
        File.ReadAllLines(Path.Combine(_folder, "args")).ShouldBe(["-n", "nc-i-a b", "-json", "-d", "-batch", "-"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
