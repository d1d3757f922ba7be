using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NicConsole.Domain.DataPlane.Linux;

/// <summary>
/// The one door to iproute2. Reads come back as JSON (<c>-json -d</c>, one array per command); changes go in one
/// <c>-batch -</c> per namespace and are logged, each, as a command a person could replay. No shell is involved: every
/// argument is passed as it is. A native (netlink) implementation could replace this interface.
/// </summary>
public interface IIpRoute
{
    /// <summary><c>ip [-n ns] -json -d -batch -</c> with <paramref name="commands"/>: one JSON array per command.</summary>
    Task<IReadOnlyList<JsonElement>> ShowAsync(string? space, IReadOnlyList<string> commands, CancellationToken cancellationToken);

    /// <summary><c>ip [-n ns] -batch -</c> with <paramref name="commands"/>; the batch stops at its first error, which is thrown.</summary>
    Task ChangeAsync(string? space, IReadOnlyList<string> commands, CancellationToken cancellationToken);

    /// <summary><c>ip netns exec ns command…</c>: its exit code and output, whatever the code.</summary>
    Task<CommandOutput> ExecAsync(string space, IReadOnlyList<string> command, CancellationToken cancellationToken);
}

public sealed record CommandOutput(int ExitCode, string Output, string Error);

/// <summary>An <c>ip</c> call that failed: the command, its exit code and what it said on stderr.</summary>
public sealed class IpRouteException(string command, int exitCode, string error)
    : DataPlaneException($"{command} failed ({(exitCode < 0 ? "timed out" : $"exit {exitCode}")}): {error.Trim()}")
{
    public string Command { get; } = command;

    public int ExitCode { get; } = exitCode;

    public string Error { get; } = error;
}

/// <summary><see cref="IIpRoute"/> by running the <c>ip</c> binary, each call bounded by a timeout that kills it.</summary>
public sealed class IpRoute(string path, TimeSpan timeout, ILogger logger) : IIpRoute
{
    public string Path => path;

    public async Task<IReadOnlyList<JsonElement>> ShowAsync(string? space, IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        var arguments = Namespace(space).Concat(["-json", "-d", "-batch", "-"]).ToList();
        var result = await RunAsync(path, arguments, Lines(commands), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new IpRouteException(Describe(space, commands), result.ExitCode, result.Error);
        }
        var arrays = new List<JsonElement>(commands.Count);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(result.Output), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            arrays.Add(JsonElement.ParseValue(ref reader));
        }
        // A show that finds nothing may print nothing at all.
        while (arrays.Count < commands.Count)
        {
            arrays.Add(JsonDocument.Parse("[]").RootElement);
        }
        return arrays;
    }

    public async Task ChangeAsync(string? space, IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        if (commands.Count == 0)
        {
            return;
        }
        foreach (var command in commands)
        {
            logger.LogInformation("{Command}", Replayable(space, command));
        }
        var result = await RunAsync(path, [.. Namespace(space), "-batch", "-"], Lines(commands), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new IpRouteException(Describe(space, commands), result.ExitCode, result.Error);
        }
    }

    public Task<CommandOutput> ExecAsync(string space, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        RunAsync(path, ["netns", "exec", space, .. command], null, cancellationToken);

    /// <summary>How a person would type one change: <c>ip -n nc-h1 link set nic-0a0b0c01 up</c>.</summary>
    public static string Replayable(string? space, string command) => space is null ? $"ip {command}" : $"ip -n {space} {command}";

    private static string[] Namespace(string? space) => space is null ? [] : ["-n", space];

    private static string Lines(IEnumerable<string> commands) => string.Concat(commands.Select(c => c + "\n"));

    private static string Describe(string? space, IReadOnlyList<string> commands) =>
        commands.Count == 1 ? Replayable(space, commands[0]) : $"{Replayable(space, "-batch -")} ({string.Join("; ", commands)})";

    private async Task<CommandOutput> RunAsync(string file, IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new DataPlaneException($"{file} could not be started");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), bounded.Token);
                process.StandardInput.Close();
            }
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new IpRouteException($"{file} {string.Join(' ', arguments)}", -1, $"no answer within {timeout.TotalSeconds:0} s; killed");
        }
        catch (IOException) when (process.HasExited)
        {
            // It exited before reading all its input: its exit code and stderr say why.
            await process.WaitForExitAsync(CancellationToken.None);
        }
        return new CommandOutput(process.ExitCode, await output, await error);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
