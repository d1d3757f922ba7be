using System.Text.Json;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// Every API call passes its client address's bucket before anything looks its key up, and a call is parsed and its
/// signature checked once: a flood of unsigned or forged calls costs at most one key lookup each, and none once the
/// address's bucket is empty.
/// </summary>
public class IaasAddressLimitTests(IaasAddressLimitTests.SmallAddressBucket factory) : IClassFixture<IaasAddressLimitTests.SmallAddressBucket>
{
    private const int AddressBurst = 5;

    /// <summary>A small bucket per address (5, then 1 a second), the keys' own buckets out of the way.</summary>
    public sealed class SmallAddressBucket() : ApiFactory(new Dictionary<string, string>
    {
        ["Api:RateLimit:AddressBurst"] = AddressBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Api:RateLimit:AddressPermitsPerSecond"] = "1",
        ["Api:RateLimit:Burst"] = "1000",
        ["Api:RateLimit:PermitsPerSecond"] = "1000",
    });

    /// <summary>The key lookups (queries of the access keys) the calls in <paramref name="run"/> cost.</summary>
    private async Task<int> KeyLookupsAsync(Func<Task> run)
    {
        using var sql = new SqlCapture(factory.DatabasePath);
        await run();
        return sql.Commands.Count(c => c.Contains("\"AccessKeys\"", StringComparison.Ordinal));
    }

    /// <summary>The tests share one address (the test server's), so each starts once its bucket is full again.</summary>
    private static Task FullBucketAsync() => Task.Delay(TimeSpan.FromSeconds(AddressBurst + 1));

    [Fact]
    public async Task AFloodOfCallsWithAnUnknownKeyIsCutOffByAddressBeforeAnyLookupAndTheKeyIsLookedUpOnce()
    {
        await FullBucketAsync();
        var flood = new IaasClient(factory.CreateClient(), "NOSUCHKEY0000000000X", "not-a-secret");
        var codes = new List<int>();

        var lookups = await KeyLookupsAsync(async () =>
        {
            for (var i = 0; i < 4 * AddressBurst; i++)
            {
                var reply = JsonDocument.Parse(await (await flood.RawAsync(HttpMethod.Get, "DescribeNics", [])).Content.ReadAsStringAsync()).RootElement;
                codes.Add(reply.RetCode());
            }
        });

        var answered = codes.Count(c => c == 1200);
        answered.ShouldBeInRange(AddressBurst, AddressBurst + 1, "one token may come back while the calls run");
        codes.Count(c => c == 5100).ShouldBe(codes.Count - answered);
        // The node remembers that the key is unknown until a key changes: one lookup, however many calls got through.
        lookups.ShouldBe(1, "one lookup for the calls the address's bucket let through, none for the rest");
    }

    [Fact]
    public async Task AForgedSignatureCostsOneKeyLookupNotTwo()
    {
        await FullBucketAsync();
        var victim = await factory.ClientForNewKeyAsync("victim");
        var forger = new IaasClient(factory.CreateClient(), victim.KeyId, "not-the-secret");

        var lookups = await KeyLookupsAsync(async () =>
        {
            var reply = JsonDocument.Parse(await (await forger.RawAsync(HttpMethod.Get, "DescribeNics", [])).Content.ReadAsStringAsync()).RootElement;
            reply.Refused(1200);
        });

        lookups.ShouldBe(1);
    }
}
