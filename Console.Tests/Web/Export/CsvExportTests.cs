using System.Net;
using System.Text;
using Microsoft.VisualBasic.FileIO;
using NicConsole.Domain.Nics;
using NicConsole.Tests.Web.Api;
using NicConsole.Web.Export;

namespace NicConsole.Tests.Web.Export;

public sealed class CsvExportTests : IAsyncLifetime
{
    private readonly ApiFactory _app = new();
    private IaasScene _scene = default!;
    private readonly OperationContext _context = OperationContext.System("console", "pek3a");

    public async Task InitializeAsync() => _scene = await IaasScene.BuildAsync(await _app.ClientForNewKeyAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ExportsEveryRowTheFilterSelectsNotJustThePage()
    {
        var nics = (await _app.Get<RequestNics>().RunAsync(_context, new RequestNics.Request(_scene.Vxnet, "bulk", 130))).Ok();
        await _scene.AttachAsync(await _app.ClientForNewKeyAsync(), _scene.Running, [nics[0].NicId]);
        var query = new NicQuery { Statuses = [NicStatus.Available], VxNetIds = [_scene.Vxnet], Page = new(Offset: 40, Limit: 20, SortBy: "private_ip") };

        var (response, rows) = await GetAsync(ExportLink.For("nics", query));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldStartWith("nics-");
        rows[0].ShouldBe(["ID", "Name", "Status", "VxNet", "IP", "Server", "Device", "Role", "Description", "Zone", "Owner", "Created (UTC)"], Case.Insensitive);
        rows.Count.ShouldBe(1 + 129);
        rows.Skip(1).ShouldAllBe(r => r[2] == "available" && r[3] == _scene.Vxnet);
        rows.Skip(1).Select(r => r[0]).ShouldNotContain(nics[0].NicId);
        var ips = rows.Skip(1).Select(r => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(r[4]).GetAddressBytes())).ToList();
        ips.ShouldBe(ips.Order().ToList());
    }

    [Fact]
    public async Task NamesThatLookLikeFormulasStayTextAndCommasAndQuotesSurvive()
    {
        await _app.Get<RequestNics>().RunAsync(_context, new RequestNics.Request(_scene.Vxnet, "=HYPERLINK(\"x\")", 1));
        await _app.Get<RequestNics>().RunAsync(_context, new RequestNics.Request(_scene.Vxnet, "web, \"front\"", 1));

        var (_, rows) = await GetAsync(ExportLink.For("nics", new NicQuery()));

        rows.Select(r => r[1]).ShouldContain("'=HYPERLINK(\"x\")");
        rows.Select(r => r[1]).ShouldContain("web, \"front\"");
    }

    [Fact]
    public async Task HeadersFollowTheOperatorsLanguageAndTheFileStartsWithAByteOrderMark()
    {
        var client = await _app.SignedInClientAsync();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");

        var bytes = await client.GetByteArrayAsync(ExportLink.For("vxnets", new NicConsole.Domain.VxNets.VxNetQuery()));

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldStartWith("ID,名称,");
        text.ShouldContain(_scene.Vxnet);
        text.Mentions("vxnet-0").ShouldBeTrue();
    }

    [Fact]
    public async Task EachListExportsItsRows()
    {
        (await GetAsync(ExportLink.For("vpcs", new NicConsole.Domain.Vpcs.VpcQuery()))).Rows.Skip(1).Single()[0].ShouldBe(_scene.Router);
        var servers = (await GetAsync(ExportLink.For("instances", new NicConsole.Domain.Instances.InstanceQuery()))).Rows;
        servers.Skip(1).Select(r => r[0]).ShouldBe([_scene.Running, _scene.Stopped], ignoreOrder: true);
        servers.Single(r => r[0] == _scene.Running)[3].ShouldBe("1");
        var jobs = (await GetAsync(ExportLink.For("jobs", new NicConsole.Domain.Jobs.JobQuery()))).Rows;
        jobs.Skip(1).Select(r => r[1]).ShouldContain("RunInstances");
        var log = (await GetAsync(ExportLink.For("operations", new NicConsole.Domain.Operations.OperationQuery()))).Rows;
        log.Skip(1).Select(r => r[2]).ShouldContain("JoinRouter");
    }

    [Theory]
    [InlineData("export/nics.csv?q=%7Bnot-json")]
    [InlineData("export/nics.csv?q=%7B%22page%22%3A%7B%22sortBy%22%3A%22password%22%7D%7D")]
    [InlineData("export/nics.csv?q=%7B%22page%22%3A%7B%22offset%22%3A-1%7D%7D")]
    public async Task AFilterItCannotReadIsRefusedWithAMessage(string url)
    {
        var response = await (await _app.SignedInClientAsync()).GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task NobodySignedInIsSentToTheSignInPage()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(ExportLink.For("nics", new NicQuery()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login?ReturnUrl=");
    }

    private async Task<(HttpResponseMessage Response, List<string[]> Rows)> GetAsync(string url)
    {
        var client = await _app.SignedInClientAsync();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var response = await client.GetAsync(url);
        var rows = new List<string[]>();
        using var parser = new TextFieldParser(await response.Content.ReadAsStreamAsync(), Encoding.UTF8) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        return (response, rows);
    }
}
