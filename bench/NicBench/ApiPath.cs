using System.Text.Json;
using Microsoft.Data.Sqlite;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Tests.Support;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// DescribeNics (one VxNet's page of 50, the VxNet varying) over loopback HTTP to the whole app on Kestrel, signed as
/// the SDK signs, from concurrent clients; against a trivial endpoint mapped in this bench host only, in the same process.
/// </summary>
public static class ApiPath
{
    internal const int Clients = 8;
    private const int LookupRuns = 2_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDomain domain)
    {
        var vxnets = await PrepareAsync(domain);
        await using var api = await ApiHost.StartAsync(domain, vxnets, "bench");
        var lookup = await KeyLookupAsync(api.Host.Services.GetRequiredService<AccessKeyService>(), api.Key.AccessKeyId);
        await SameAnswersAsync(api);
        var ours = await LoadAsync(api.Http, api.Describe);
        var floor = await LoadAsync(api.Http, api.DescribeByHand);
        var trivial = await LoadAsync(api.Http, () => BenchHost.TrivialPath);
        return await ReportAsync(domain, vxnets, lookup, ours, floor, trivial);
    }

    /// <summary>The bulk VxNets DescribeNics varies over; the jobs the write part left pending are deleted first.</summary>
    internal static async Task<List<string>> PrepareAsync(BenchDomain domain)
    {
        // The write floor leaves its jobs pending; the app's worker must not run them while we measure.
        await using (var connection = await domain.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM Jobs WHERE Status = $s";
            command.Parameters.AddWithValue("$s", JobStatus.Pending.ToString());
            await command.ExecuteNonQueryAsync();
        }
        await using var db = domain.Db();
        return [.. db.VxNets.Where(x => x.Name.StartsWith("bulk-vxnet-")).OrderBy(x => x.Name).Select(x => x.Id)];
    }

    /// <summary>The floor must answer what the API answers: the same NICs, fields and total, for a few VxNets.</summary>
    private static async Task SameAnswersAsync(ApiHost api)
    {
        for (var i = 0; i < 5; i++)
        {
            var ours = JsonDocument.Parse(await api.Http.GetStringAsync(api.Describe())).RootElement;
            var floor = JsonDocument.Parse(await api.Http.GetStringAsync(api.DescribeByHand(again: true))).RootElement;
            string Text(JsonElement e) => JsonSerializer.Serialize(new { set = e.GetProperty("nic_set"), total = e.GetProperty("total_count"), code = e.GetProperty("ret_code") });
            if (Text(ours) != Text(floor))
            {
                throw new InvalidOperationException($"the hand-written floor answers otherwise than DescribeNics:\n{Text(ours)}\n{Text(floor)}");
            }
        }
    }

    private static async Task<IReadOnlyList<Figure>> ReportAsync(BenchDomain domain, List<string> vxnets, double lookup, Load ours, Load floor, Load trivial)
    {
        Console.WriteLine($"API: {Clients} concurrent clients over loopback HTTP/1.1 for {Duration.TotalSeconds:F0} s each after {WarmUp.TotalSeconds:F0} s warm-up; "
            + $"DescribeNics answered {ours.Requests} requests, the same call by hand (ApiFloor) {floor.Requests}, the trivial endpoint {trivial.Requests}.");
        Console.WriteLine($"API: the access-key lookup every request makes (the key and its user read, the secret unprotected) takes {lookup:0} µs (p50 of {LookupRuns}, one at a time).");
        Console.WriteLine();
        Console.WriteLine("DescribeNics as measured (vxnets.1, limit 50, no sort_key: newest first) sends:");
        await using (var connection = await domain.OpenAsync())
        {
            await QueryPath.ExplainOursAsync(domain, connection, "DescribeNics",
                new NicQuery { VxNetIds = [vxnets[0]], Page = new PageRequest(0, 50) });
        }
        return
        [
            new Figure("DescribeNics throughput", ours.Rate, floor.Rate, "req/s", true, 1.5) { FloorLabel = "by hand" },
            new Figure("DescribeNics p99", ours.P99, floor.P99, "ms", false, null) { FloorLabel = "by hand" },
            new Figure("DescribeNics against a trivial endpoint", ours.Rate, trivial.Rate, "req/s", true, null) { FloorLabel = "trivial" },
        ];
    }

    /// <summary>The p50 of <see cref="AccessKeyService.FindActiveAsync"/> alone, in microseconds, after as many calls of warm-up.</summary>
    private static async Task<double> KeyLookupAsync(AccessKeyService keys, string accessKeyId)
    {
        var samples = new List<double>();
        for (var i = 0; i < 2 * LookupRuns; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var found = await keys.FindActiveAsync(accessKeyId);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (!found.Succeeded)
            {
                throw new InvalidOperationException($"the bench key was refused: {found.Error}");
            }
            if (i >= LookupRuns)
            {
                samples.Add(elapsed);
            }
        }
        return Report.Percentile(samples, 50);
    }

    internal sealed record Load(int Requests, double Rate, double P99);

    internal static async Task<Load> LoadAsync(HttpClient http, Func<string> path)
    {
        async Task<List<double>> Client(DateTime warmUntil, DateTime until)
        {
            var samples = new List<double>();
            while (DateTime.UtcNow < until)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path());
                await response.Content.ReadAsByteArrayAsync();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{response.StatusCode} from the bench host");
                }
                if (DateTime.UtcNow > warmUntil)
                {
                    samples.Add(ms);
                }
            }
            return samples;
        }
        var now = DateTime.UtcNow;
        var all = (await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(() => Client(now + WarmUp, now + WarmUp + Duration)))))
            .SelectMany(s => s).ToList();
        return new Load(all.Count, all.Count / Duration.TotalSeconds, Report.Percentile(all, 99));
    }

    /// <summary>A GET path signed as the Python SDK signs it.</summary>
    internal static string Signed(CreatedAccessKey key, string zone, string action, params (string Name, string Value)[] parameters) =>
        "/iaas/?" + ClientSigning.SignedQuery(key.SecretAccessKey, "GET", "/iaas/", [.. parameters,
            ("action", action), ("zone", zone), ("access_key_id", key.AccessKeyId), ("signature_method", "HmacSHA256"),
            ("signature_version", "1"), ("version", "1"), ("time_stamp", ClientSigning.Time(DateTime.UtcNow))]);
}

/// <summary>
/// The whole app on Kestrel (<see cref="BenchHost"/>), a user and access key of <c>user</c>, a client of
/// <see cref="ApiPath.Clients"/> connections, and a DescribeNics call that varies the VxNet; both paths answered once.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private int _serial;
    private IReadOnlyList<string> _vxnets = [];
    private string _zone = "";

    public BenchHost Host { get; private init; } = default!;

    public HttpClient Http { get; private init; } = default!;

    public CreatedAccessKey Key { get; private init; } = default!;

    public string Describe() => Next(_vxnets[Interlocked.Increment(ref _serial) * 7 % _vxnets.Count]);

    /// <summary>The same call, to <see cref="ApiFloor"/>; <paramref name="again"/>: the VxNet of the last <see cref="Describe"/>.</summary>
    public string DescribeByHand(bool again)
    {
        var serial = again ? Volatile.Read(ref _serial) : Interlocked.Increment(ref _serial);
        return ApiFloor.Path + Next(_vxnets[serial * 7 % _vxnets.Count])[ "/iaas/".Length..];
    }

    public string DescribeByHand() => DescribeByHand(again: false);

    private string Next(string vxnet) => ApiPath.Signed(Key, _zone, "DescribeNics", ("vxnets.1", vxnet), ("limit", "50"));

    public static async Task<ApiHost> StartAsync(BenchDomain domain, IReadOnlyList<string> vxnets, string user,
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var zone = domain.Context.Zone;
        var host = new BenchHost(domain, zone, services, settings);
        var address = host.Start();
        // A key acts as its user, so the user comes first.
        var benchContext = NicConsole.Domain.Common.OperationContext.System("bench", zone);
        await host.Services.GetRequiredService<NicConsole.Web.Users.UserService>().CreateAsync(benchContext,
            new NicConsole.Web.Users.NewUser(user, NicConsole.Domain.Common.Role.Admin, NicConsole.Domain.Common.OperationContext.DefaultTenant));
        var created = await host.Services.GetRequiredService<AccessKeyService>().CreateAsync(benchContext, user);
        var api = new ApiHost
        {
            Host = host,
            Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = ApiPath.Clients }) { BaseAddress = new Uri(address) },
            Key = created.Succeeded ? created.Value : throw new InvalidOperationException($"no access key: {created.Error}"),
            _vxnets = vxnets,
            _zone = zone,
        };
        host.Floor.Keys[api.Key.AccessKeyId] = api.Key.SecretAccessKey;
        // Each must answer 200 before they are timed.
        (await api.Http.GetAsync(api.Describe())).EnsureSuccessStatusCode();
        (await api.Http.GetAsync(api.DescribeByHand())).EnsureSuccessStatusCode();
        (await api.Http.GetAsync(BenchHost.TrivialPath)).EnsureSuccessStatusCode();
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}

