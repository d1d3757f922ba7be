using System.Text.Json;

namespace NicConsole.Tests.Web.Api;

/// <summary>A tiny limit (a burst of 3, then 1 a second) per access key, and per client address without a valid key.</summary>
public class IaasRateLimitTests(IaasRateLimitTests.TinyLimit factory) : IClassFixture<IaasRateLimitTests.TinyLimit>
{
    private const int Burst = 3;

    public sealed class TinyLimit() : ApiFactory(new Dictionary<string, string>
    {
        ["Api:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Api:RateLimit:PermitsPerSecond"] = "1",
    });

    [Fact]
    public async Task TheCallAfterTheBurstIs5100InTheApiShapeWithRetryAfterAndChangesNothing()
    {
        var api = await factory.ClientForNewKeyAsync();
        var name = "throttled-" + Guid.NewGuid().ToString("N")[..8];

        var replies = await DrainAsync(api, "CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"));

        var served = replies.Count(r => r.Body.RetCode() == 0);
        served.ShouldBeInRange(Burst, Burst + 1, "one token may come back while the calls run");
        var refused = replies.Where(r => r.Body.RetCode() != 0).ToList();
        refused.ShouldNotBeEmpty();
        foreach (var (response, body) in refused)
        {
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            response.Content.Headers.ContentType!.ToString().ShouldBe("application/json");
            body.Refused(5100).Str("message").ShouldStartWith("ServerBusy, ");
            body.Str("action").ShouldBe("CreateVxnetsResponse");
            int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        }
        var created = (await factory.Get<VxNetQueries>().QueryAsync(OperationContext.System("t", "pek3a"), new VxNetQuery { SearchWord = name })).Ok();
        created.TotalCount.ShouldBe(served);
    }

    [Fact]
    public async Task EachKeyHasABucketOfItsOwn()
    {
        var first = await factory.ClientForNewKeyAsync("first");
        var second = await factory.ClientForNewKeyAsync("second");

        (await DrainAsync(first, "DescribeNics")).Last().Body.Refused(5100);

        (await second.CallAsync("DescribeNics")).Succeeded();
    }

    [Fact]
    public async Task ForgedSignaturesWithAKeysIdDoNotDrainThatKeysBucket()
    {
        var victim = await factory.ClientForNewKeyAsync("victim");
        var forger = new IaasClient(factory.CreateClient(), victim.KeyId, "not-the-secret");

        var forged = await DrainAsync(forger, "DescribeNics");

        forged.Select(r => r.Body.RetCode()).Distinct().Order().ShouldBe([1200, 5100]);
        (await victim.CallAsync("DescribeNics")).Succeeded();
    }

    [Fact]
    public async Task AfterRetryAfterTheKeyIsServedAgain()
    {
        var api = await factory.ClientForNewKeyAsync();
        var last = (await DrainAsync(api, "DescribeNics")).Last();
        last.Body.Refused(5100);

        await Task.Delay(TimeSpan.FromSeconds(int.Parse(last.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture)) + TimeSpan.FromMilliseconds(200));

        (await api.CallAsync("DescribeNics")).Succeeded();
    }

    /// <summary>Calls until the limiter refuses (at most a few more than the burst), with each reply as received.</summary>
    private static async Task<List<(HttpResponseMessage Response, JsonElement Body)>> DrainAsync(IaasClient api, string action, params (string, string)[] parameters)
    {
        var replies = new List<(HttpResponseMessage, JsonElement)>();
        for (var i = 0; i < Burst * 3; i++)
        {
            var response = await api.RawAsync(HttpMethod.Get, action, parameters);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            replies.Add((response, body));
            if (body.RetCode() == 5100)
            {
                return replies;
            }
        }
        throw new ShouldAssertException($"no call of {Burst * 3} was refused");
    }
}
