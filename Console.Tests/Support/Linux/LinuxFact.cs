using NicConsole.Domain.DataPlane.Linux;

namespace NicConsole.Tests.Support.Linux;

/// <summary>
/// A test that needs the real Linux data plane (root, iproute2, ping): skipped, saying what is missing, where the
/// driver's own probe fails. CI runs as root, so there it runs.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        var probe = LinuxProbe.Run(maxNics: 0);
        return !probe.Ok ? $"needs the Linux data plane: {probe.Summary}"
            : probe.PingPath is null ? "needs ping (iputils-ping) for the Linux data plane's tests"
            : null;
    });

    public LinuxFactAttribute()
    {
        if (Missing.Value is { } reason)
        {
            Skip = reason;
        }
    }
}
