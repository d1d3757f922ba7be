using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.AccessKeys;

namespace NicConsole.Tests.Web.Security;

/// <summary>
/// With every category logging at Trace, API calls (RunInstances.Request with a login password, a bad signature, an
/// expired and a replayed call) and a key's creation leave no secret in any log line or logged exception.
/// </summary>
public class SecretsNeverLoggedTests : IAsyncLifetime
{
    private const string Password = "Zx9-login-passwd-Qv7";

    private readonly CapturingLoggerProvider _logs = new();
    private LoggingApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new LoggingApp(_logs);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NoSecretReachesTheLogs()
    {
        var secrets = new List<string> { Password, Uri.EscapeDataString(Password), _app.ConnectionString };
        var key = await _app.NewKeyAsync("logged", description: "keys are secret");
        secrets.Add(key.SecretAccessKey);
        var api = new IaasClient(_app.CreateClient(), key.AccessKeyId, key.SecretAccessKey);

        var run = await api.RawAsync(HttpMethod.Get, "RunInstances",
            [("vxnets.1", "vxnet-0"), ("login_mode", "passwd"), ("login_passwd", Password), ("instance_name", "logged")]);
        secrets.Add(SignatureOf(run));
        await api.SendAsync(HttpMethod.Post, "RunInstances", [("vxnets.1", "vxnet-0"), ("login_passwd", Password)]);
        await _app.CreateClient().GetAsync(run.RequestMessage!.RequestUri!.PathAndQuery);
        api.SignatureOverride = "QmFkU2lnbmF0dXJlQmFkU2lnbmF0dXJlQmFkU2lnbmE=";
        secrets.Add(api.SignatureOverride);
        (await api.CallAsync("RunInstances", ("vxnets.1", "vxnet-0"), ("login_passwd", Password))).Refused(1200);
        api.SignatureOverride = null;
        api.Now = DateTime.UtcNow.AddHours(-1);
        var expired = await api.RawAsync(HttpMethod.Get, "RunInstances", [("vxnets.1", "vxnet-0"), ("login_passwd", Password)]);
        secrets.Add(SignatureOf(expired));
        api.Now = DateTime.UtcNow;
        await new IaasClient(_app.CreateClient(), "QYUNKNOWNKEY", key.SecretAccessKey).CallAsync("DescribeNics");

        _logs.Lines.Count.ShouldBeGreaterThan(20, "the app logs at Trace in this test, so there is something to search");
        foreach (var secret in secrets)
        {
            _logs.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).ShouldBeEmpty($"a log line contains a secret");
        }
    }

    [Fact]
    public async Task NeitherTheLoginPasswordNorAKeySecretIsStoredInTheClear()
    {
        var key = await _app.NewKeyAsync("stored");
        var api = new IaasClient(_app.CreateClient(), key.AccessKeyId, key.SecretAccessKey);

        var run = (await api.CallAsync("RunInstances", ("vxnets.1", "vxnet-0"), ("login_mode", "passwd"), ("login_passwd", Password))).Succeeded();
        await api.WaitJobAsync(run.Str("job_id"));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = string.Concat(new[] { "", "-wal" }.Select(s => _app.DatabasePath + s).Where(File.Exists)
            .Select(f => System.Text.Encoding.UTF8.GetString(ReadShared(f))));
        stored.ShouldContain(key.AccessKeyId, customMessage: "the search reads the database");
        stored.ShouldNotContain(Password);
        stored.ShouldNotContain(key.SecretAccessKey);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string SignatureOf(HttpResponseMessage response)
    {
        var query = response.RequestMessage!.RequestUri!.Query;
        return Uri.UnescapeDataString(query[(query.IndexOf("&signature=", StringComparison.Ordinal) + "&signature=".Length)..]);
    }

    private sealed class LoggingApp(CapturingLoggerProvider logs) : ApiFactory(new Dictionary<string, string>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
    })
    {
        public string ConnectionString => $"Data Source={DatabasePath}";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}
