using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NicConsole.Tests.Support;

/// <summary>
/// The console as its own process (<c>dotnet Console.Web.dll</c>, as built by the solution), configured through
/// environment variables, on a free loopback port: what a test needs to kill it for real (SIGKILL) and start it again
/// on the same database, or to run its command-line verbs.
/// </summary>
public sealed class ConsoleProcess(IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public static string WebDll { get; } = Path.Combine(BrowserFixture.RepositoryRoot(), "Console.Web", "bin", "Release", "net10.0", "Console.Web.dll");

    public int Port { get; private set; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>What the process wrote so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the console and returns once <c>/health</c> answers.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        Port = FreePort();
        _process = Start(settings, ["--urls", BaseUrl], line =>
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The console exited with {_process.ExitCode} before it answered:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The console did not answer /health in time:\n{Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no settling, as a crash or a power cut leaves it.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Runs a command-line verb (<c>dataplane status</c>, <c>keys create</c>, …) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Start(settings, arguments, line =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>An Admin of the default tenant made by the <c>users</c> verb, and a key of theirs by the <c>keys</c> verb.</summary>
    public static async Task<(string KeyId, string Secret)> NewAdminKeyAsync(IReadOnlyDictionary<string, string> settings, string user)
    {
        var (added, addText) = await RunAsync(settings, "users", "add", "--name", user, "--role", "Admin", "--tenant", "default");
        added.ShouldBe(0, addText);
        var (created, keyText) = await RunAsync(settings, "keys", "create", "--user", user);
        created.ShouldBe(0, keyText);
        string Line(string name) => keyText.Split('\n').Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..].Trim();
        return (Line("access_key_id"), Line("secret_access_key"));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private static Process Start(IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments, Action<string> output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
