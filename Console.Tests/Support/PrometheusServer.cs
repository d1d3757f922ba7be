using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NicConsole.Tests.Support;

/// <summary>
/// A Prometheus of its own (Debian's, which ./test.sh installs) on a free loopback port, scraping one target every
/// second, with its data in a temporary folder; killed and its folder deleted on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private PrometheusServer(string target)
    {
        _folder = Directory.CreateTempSubdirectory("nicconsole-prometheus-").FullName;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var config = Path.Combine(_folder, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: nicconsole
                metrics_path: /metrics
                static_configs:
                  - targets: ["{target}"]
            """);
        var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(_folder, "data"),
            $"--web.listen-address=127.0.0.1:{Port}", "--log.level=warn" })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public int Port { get; }

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

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (host:port) and returns once it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string target)
    {
        var server = new PrometheusServer(target);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await server._http.GetAsync("/-/ready")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (server._process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = server.Output;
                await server.DisposeAsync();
                throw new InvalidOperationException($"prometheus on port {server.Port} did not become ready:\n{output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>An instant query's result: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string query)
    {
        var json = await _http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
        var root = JsonDocument.Parse(json).RootElement;
        root.GetProperty("status").GetString().ShouldBe("success", json);
        return root.GetProperty("data").GetProperty("result").EnumerateArray().Select(series => (
            (IReadOnlyDictionary<string, string>)series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""),
            double.Parse(series.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Queries until <paramref name="done"/> holds for the result (Prometheus scrapes every second), or fails after 30 s with the last result.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> WaitForAsync(string query,
        Func<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var result = await QueryAsync(query);
            if (done(result))
            {
                return result;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Prometheus' answer to {query} never came right; last: " +
                    string.Join("; ", result.Select(r => string.Join(",", r.Labels.Select(l => $"{l.Key}={l.Value}")) + " => " + r.Value)) + "\n" + Output);
            }
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin")
            .Select(folder => Path.Combine(folder, "prometheus")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("prometheus is missing: run ./test.sh, which installs Debian's prometheus.");
}
