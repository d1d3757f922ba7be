using System.Text.Json;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// Time checks in both directions (1300), and req_id: a change sent again with the same req_id and parameters gets the
/// first answer again and changes nothing; a change without req_id is carried out every time it is validly signed.
/// </summary>
public class IaasTimeAndReqIdTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
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

    [Fact]
    public async Task TwoIdenticalChangesWithoutReqIdInOneSecondAreBothCarriedOut()
    {
        _api.Shape = IaasClient.Style.GoSdk;
        var name = Unique();
        var first = await _api.RawAsync(HttpMethod.Get, "CreateVxnets", [("vxnet_name", name), ("vxnet_type", "1")]);
        var created = (await BodyAsync(first)).Succeeded().Strings("vxnets").Single();

        // The Go SDK's second identical call in the same second: the very same signed request.
        var again = (await SendAsync(first.RequestMessage!.RequestUri!.PathAndQuery)).Succeeded().Strings("vxnets").Single();

        again.ShouldNotBe(created);
        (await CountVxNetsAsync(name)).ShouldBe(2);
    }

    [Theory]
    [InlineData(IaasClient.Style.PythonSdk)]
    [InlineData(IaasClient.Style.Cli)]
    public async Task AReqIdSentTwiceIsCarriedOutOnceAndGetsTheSameAnswerTwice(IaasClient.Style style)
    {
        _api.Shape = style;
        _api.RequestId = Guid.NewGuid().ToString("N");
        var name = Unique();
        var first = await _api.RawAsync(HttpMethod.Get, "RunInstances", [("instance_name", name), ("vxnets.1", "vxnet-0")]);
        var answer = (await BodyAsync(first)).Succeeded();

        var resent = await SendAsync(first.RequestMessage!.RequestUri!.PathAndQuery);
        _api.Now = DateTime.UtcNow.AddSeconds(5);
        var resigned = await _api.CallAsync("RunInstances", ("instance_name", name), ("vxnets.1", "vxnet-0"));

        resent.GetRawText().ShouldBe(answer.GetRawText());
        resigned.Str("job_id").ShouldBe(answer.Str("job_id"), "a retry signed anew with the same req_id is the same request");
        resigned.Strings("instances").ShouldBe(answer.Strings("instances"));
        // (The job runs meanwhile, so the rows move on their own: count what a second run would have added.)
        (await factory.Get<JobQueries>().QueryAsync(OperationContext.System("t", "pek3a"), new JobQuery { ResourceId = answer.Strings("instances")[0] })).Ok().TotalCount.ShouldBe(1);
        (await factory.Get<InstanceQueries>().QueryAsync(OperationContext.System("t", "pek3a"), new InstanceQuery { SearchWord = name })).Ok().TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task AReqIdWithItsParametersInAnotherOrderIsTheSameRequest()
    {
        _api.RequestId = Guid.NewGuid().ToString("N");
        var name = Unique();
        var first = await _api.RawAsync(HttpMethod.Get, "CreateVxnets", [("vxnet_name", name), ("vxnet_type", "1")]);
        var answer = (await BodyAsync(first)).Succeeded();

        var uri = first.RequestMessage!.RequestUri!;
        var reordered = string.Join('&', uri.Query.TrimStart('?').Split('&').Reverse());
        (await SendAsync(uri.AbsolutePath + "?" + reordered)).GetRawText().ShouldBe(answer.GetRawText());

        (await CountVxNetsAsync(name)).ShouldBe(1);
    }

    [Fact]
    public async Task AReqIdSentAgainWithOtherParametersIs1100AndChangesNothing()
    {
        _api.RequestId = Guid.NewGuid().ToString("N");
        var name = Unique();
        (await _api.CallAsync("CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"))).Succeeded();
        var before = await factory.SnapshotAsync();

        var other = await _api.CallAsync("CreateVxnets", ("vxnet_name", name + "-other"), ("vxnet_type", "1"));

        other.Refused(1100).Str("message").ShouldContain($"req_id {_api.RequestId} was sent before with other parameters");
        other.Str("action").ShouldBe("CreateVxnetsResponse");
        (await factory.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ARefusedChangeIsAnsweredTheSameWhenItsReqIdComesAgain()
    {
        _api.RequestId = Guid.NewGuid().ToString("N");

        var first = await _api.CallAsync("DeleteVxnets", ("vxnets.1", "vxnet-nosuch1"));
        var again = await _api.CallAsync("DeleteVxnets", ("vxnets.1", "vxnet-nosuch1"));

        first.Refused(2100);
        again.GetRawText().ShouldBe(first.GetRawText());
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
