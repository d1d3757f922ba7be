using System.Net;
using NicConsole.Tests.Web.Api;
using NicConsole.Web.Telemetry;

namespace NicConsole.Tests.Web.Telemetry;

/// <summary><c>/metrics</c>: off by default, without sign-in for an allowed address, refused to any other, and no id, name or tenant in a label.</summary>
[Collection(TelemetryAlone.Name)]
public sealed class MetricsEndpointTests
{
    private static Dictionary<string, string> On(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Telemetry:Prometheus"] = "true" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(TelemetryFactory app, string? from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TelemetryServiceExtensions.MetricsPath);
        if (from is not null)
        {
            request.Headers.Add(TelemetryFactory.RemoteHeader, from);
        }
        return await app.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
    }

    [Fact]
    public async Task Off_by_default_the_console_serves_no_metrics()
    {
        await using var app = new TelemetryFactory();
        var response = await ScrapeAsync(app, "127.0.0.1");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("nicconsole_");
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("::ffff:127.0.0.1", HttpStatusCode.OK)]
    [InlineData("10.1.2.3", HttpStatusCode.Forbidden)]
    [InlineData("192.0.2.7", HttpStatusCode.Forbidden)]
    public async Task Only_loopback_may_scrape_by_default_and_no_sign_in_is_asked(string from, HttpStatusCode expected)
    {
        await using var app = new TelemetryFactory(On());
        var response = await ScrapeAsync(app, from);
        response.StatusCode.ShouldBe(expected);
        var text = await response.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.OK)
        {
            text.ShouldContain("nicconsole_jobs_queued");
        }
        else
        {
            text.ShouldNotContain("nicconsole_");
        }
    }

    [Fact]
    public async Task The_allowed_networks_are_configured_and_a_request_without_an_address_is_refused()
    {
        await using var app = new TelemetryFactory(On(("Telemetry:AllowedNetworks:0", "10.0.0.0/8")));
        (await ScrapeAsync(app, "10.1.2.3")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ScrapeAsync(app, "127.0.0.1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ScrapeAsync(app, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void A_bad_allowed_network_stops_the_start_naming_it()
    {
        var options = new TelemetryOptions { AllowedNetworks = ["10.0.0.0/33"] };
        Should.Throw<InvalidOperationException>(() => options.Networks()).Message.ShouldContain("10.0.0.0/33");
    }

    [Fact]
    public async Task After_a_flow_with_distinctive_names_no_label_carries_an_id_a_name_a_user_or_a_tenant()
    {
        await using var app = new TelemetryFactory(On());
        var api = await app.ClientForNewKeyAsync("zebra-operator", tenant: "okapi-tenant");
        var scene = await IaasScene.BuildAsync(api);
        (await api.CallAsync("ModifyVxnetAttributes", ("vxnet", scene.Vxnet), ("vxnet_name", "quokka-net"))).Succeeded();
        var nics = (await api.CallAsync("CreateNics", ("vxnet", scene.Vxnet), ("nic_name", "narwhal-nic"), ("count", "2"))).Succeeded().Set("nics")
            .Select(n => n.Str("nic_id")).ToList();
        await scene.AttachAsync(api, scene.Running, nics);
        (await api.CallAsync("DescribeNics", ("nics.1", "52:54:ff:ff:ff:ff"), ("search_word", "axolotl"))).Succeeded();
        (await api.CallAsync("AxolotlAction")).GetProperty("ret_code").GetInt32().ShouldBe(1100);
        var console = await app.SignedInClientAsync("pangolin-admin");
        (await console.GetAsync("/nics")).EnsureSuccessStatusCode();

        var text = await (await ScrapeAsync(app, "127.0.0.1")).Content.ReadAsStringAsync();
        text.ShouldContain("nicconsole_jobs_completed_total");
        text.ShouldContain("api_action=\"AttachNics\"");
        text.ShouldContain("aspnetcore_identity_sign_in_authenticate_duration_seconds_count{");
        var labels = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith('#')).Select(l => l.Contains('{') ? l[l.IndexOf('{')..(l.LastIndexOf('}') + 1)] : ""));
        string[] secrets = ["zebra", "okapi", "quokka", "narwhal", "axolotl", "pangolin", api.KeyId, scene.Router, scene.Vxnet, scene.Running, .. nics, "52:54", "rtr-", "vxnet-", "i-", "j-"];
        foreach (var secret in secrets)
        {
            labels.ShouldNotContain(secret, Case.Insensitive, $"a label carries {secret}");
        }
    }
}
