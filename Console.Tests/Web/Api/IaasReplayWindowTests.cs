using System.Text.Json;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// Time checks in both directions (1300), and the replay window: a signed change is carried out once; the same
/// signature again within its window is 1300 and changes nothing. Identical reads stay allowed.
/// </summary>
public class IaasReplayWindowTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private IaasClient _api = null!;

    public async Task InitializeAsync() => _api = await factory.ClientForNewKeyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(-310)]
    [InlineData(310)]
    [InlineData(-3600)]
    [InlineData(86400)]
    public async Task ATimeStampOutsideTheToleranceIs1300EitherWay(int seconds)
    {
        _api.Now = DateTime.UtcNow.AddSeconds(seconds);
        var name = Unique();

        (await _api.CallAsync("CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"))).Refused(1300).Str("message").ShouldStartWith("RequestExpired, ");
        (await _api.CallAsync("DescribeNics")).Refused(1300);

        (await CountVxNetsAsync(name)).ShouldBe(0);
    }

    [Theory]
    [InlineData(-290)]
    [InlineData(290)]
    public async Task ATimeStampWithinTheToleranceIsServedEitherWay(int seconds)
    {
        _api.Now = DateTime.UtcNow.AddSeconds(seconds);

        (await _api.CallAsync("DescribeNics")).Succeeded();
    }

    [Fact]
    public async Task AnExpiresInThePastIs1300AndOneTooFarAheadIs1100()
    {
        _api.Shape = IaasClient.Style.Cli;

        _api.Now = DateTime.UtcNow.AddMinutes(-21);
        (await _api.CallAsync("DescribeNics")).Refused(1300);

        _api.Now = DateTime.UtcNow.AddMinutes(50);
        (await _api.CallAsync("DescribeNics")).Refused(1100).Str("message").ShouldContain("expires");

        _api.Now = DateTime.UtcNow;
        (await _api.CallAsync("DescribeNics")).Succeeded();
    }

    [Theory]
    [InlineData(IaasClient.Style.GoSdk)]
    [InlineData(IaasClient.Style.PythonSdk)]
    [InlineData(IaasClient.Style.Cli)]
    public async Task AReplayedChangeIs1300AndChangesNothing(IaasClient.Style style)
    {
        _api.Shape = style;
        var name = Unique();
        var first = await _api.RawAsync(HttpMethod.Get, "CreateVxnets", [("vxnet_name", name), ("vxnet_type", "1")]);
        (await BodyAsync(first)).Succeeded();
        var before = await factory.SnapshotAsync();

        var replay = await SendAsync(first.RequestMessage!.RequestUri!.PathAndQuery);

        replay.Refused(1300).Str("message").ShouldContain("already received");
        replay.Str("action").ShouldBe("CreateVxnetsResponse");
        (await factory.SnapshotAsync()).ShouldBe(before);
        (await CountVxNetsAsync(name)).ShouldBe(1);
    }

    [Fact]
    public async Task AReplayWithItsParametersInAnotherOrderIsStillAReplay()
    {
        _api.Shape = IaasClient.Style.GoSdk;
        var name = Unique();
        var first = await _api.RawAsync(HttpMethod.Get, "CreateVxnets", [("vxnet_name", name), ("vxnet_type", "1")]);
        (await BodyAsync(first)).Succeeded();

        var uri = first.RequestMessage!.RequestUri!;
        var reordered = string.Join('&', uri.Query.TrimStart('?').Split('&').Reverse());
        (await SendAsync(uri.AbsolutePath + "?" + reordered)).Refused(1300);

        (await CountVxNetsAsync(name)).ShouldBe(1);
    }

    [Fact]
    public async Task IdenticalReadsAreServedEachTime()
    {
        _api.Shape = IaasClient.Style.GoSdk;
        var first = await _api.RawAsync(HttpMethod.Get, "DescribeVxnets", []);
        (await BodyAsync(first)).Succeeded();

        (await SendAsync(first.RequestMessage!.RequestUri!.PathAndQuery)).Succeeded();
        (await SendAsync(first.RequestMessage!.RequestUri!.PathAndQuery)).Succeeded();
    }

    [Fact]
    public async Task TwoChangesInOneSecondWithFreshReqIdsAreBothCarriedOut()
    {
        _api.Shape = IaasClient.Style.PythonSdk;
        var name = Unique();

        (await _api.CallAsync("CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"))).Succeeded();
        (await _api.CallAsync("CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"))).Succeeded();

        (await CountVxNetsAsync(name)).ShouldBe(2);
    }

    private static string Unique() => "replay-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<JsonElement> SendAsync(string pathAndQuery)
    {
        var response = await factory.CreateClient().GetAsync(pathAndQuery);
        return await BodyAsync(response);
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<int> CountVxNetsAsync(string name) =>
        (await factory.Get<VxNetQueries>().QueryAsync(OperationContext.System("t", "pek3a"), new VxNetQuery { SearchWord = name })).Ok().TotalCount;
}
