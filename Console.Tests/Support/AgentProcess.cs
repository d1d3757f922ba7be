using System.Diagnostics;
using System.Text;

namespace NicConsole.Tests.Support;

/// <summary>A host's agent as a real process (<c>dotnet NicConsole.Agent.dll --controller … --host … --token …</c>), its output kept; disposing it kills it.</summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public AgentProcess(string controller, string host, string token, string prefix, string driver = "Linux")
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(BrowserFixture.RepositoryRoot(), "NicConsole.Agent", "bin", configuration, "net10.0", "NicConsole.Agent.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first");
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--controller", controller, "--host", host, "--prefix", prefix, "--driver", driver, "--Agent:ReconcileSeconds", "5" })
        {
            start.ArgumentList.Add(arg);
        }
        // The token by the environment, as a person should pass it (never on a command line others can read).
        start.Environment["NICCONSOLE_AGENT_TOKEN"] = token;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Host = host;
    }

    public string Host { get; }

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

    public bool HasExited => _process.HasExited;

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
