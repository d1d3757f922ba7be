using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NicConsole.Domain.DataPlane;

namespace NicConsole.Tests.Support.Linux;

/// <summary>
/// The namespaces a test makes: each test class its own prefix <c>nct{pid:x}x{n}</c>, deleted when it is done, failed or
/// not; and a sweep of those left by test runs whose process is gone. Also the shell a person would use to look: <c>ip</c>
/// and <c>ping</c> in a namespace, only ever between namespaces a test made.
/// </summary>
public static class LinuxNamespaces
{
    private const string TestPrefix = "nct";
    private static int _next;
    private static int _swept;

    /// <summary>A prefix of this process's own; the first call also sweeps what dead test runs left.</summary>
    public static string NewPrefix()
    {
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            SweepDeadRuns();
        }
        return $"{TestPrefix}{Environment.ProcessId:x}x{Interlocked.Increment(ref _next)}";
    }

    /// <summary>Every namespace named <c>{prefix}-…</c> deleted, with the data-plane lock files of the prefix.</summary>
    public static void DeleteAll(string prefix)
    {
        foreach (var space in List().Where(n => n.StartsWith(prefix + "-", StringComparison.Ordinal)))
        {
            Run("ip", "netns", "del", space);
        }
        var lockFile = DataPlaneLock.PathFor(prefix);
        File.Delete(lockFile);
        File.Delete(lockFile + ".pid");
    }

    /// <summary>One namespace deleted (a test's own: a machine that died, say).</summary>
    public static void Delete(string space) => Run("ip", "netns", "del", space);

    /// <summary>Test namespaces of processes that no longer run.</summary>
    private static void SweepDeadRuns()
    {
        foreach (var space in List().Where(n => n.StartsWith(TestPrefix, StringComparison.Ordinal)))
        {
            var pidText = space[TestPrefix.Length..].Split('x')[0];
            if (int.TryParse(pidText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && !Alive(pid))
            {
                Run("ip", "netns", "del", space);
            }
        }
    }

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}");

    public static IReadOnlyList<string> List()
    {
        var (_, output, _) = Run("ip", "-json", "netns", "list");
        return string.IsNullOrWhiteSpace(output) ? []
            : JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
    }

    /// <summary><c>ip -n space -json args</c>, parsed.</summary>
    public static JsonElement IpJson(string space, params string[] args)
    {
        var (code, output, error) = Run("ip", ["-n", space, "-json", .. args]);
        code.ShouldBe(0, error);
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output).RootElement;
    }

    /// <summary>One ping from inside <paramref name="space"/>; true when it was answered.</summary>
    public static bool Ping(string space, string address, int count = 1) =>
        Run("ip", "netns", "exec", space, "ping", "-n", "-c", count.ToString(CultureInfo.InvariantCulture), "-W", "1", address).ExitCode == 0;

    public static (int ExitCode, string Output, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
