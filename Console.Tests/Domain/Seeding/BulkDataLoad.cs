using Microsoft.EntityFrameworkCore;

namespace NicConsole.Tests.Domain.Seeding;

public class BulkDataLoad
{
    [Fact]
    public async Task LoadsAValidDataSetThatTheUseCasesAcceptAsTheirOwn()
    {
        await using var h = await DomainHarness.StartAsync();
        var bulk = h.Services.GetRequiredService<BulkData>();

        await bulk.LoadAsync(h.Context, new BulkData.Size(Nics: 2_600, VxNets: 11, Vpcs: 2, Servers: 20));

        await using var db = h.Db();
        (await db.Nics.CountAsync()).ShouldBe(2_600);
        (await db.Nics.GroupBy(n => n.VxNetId).Select(g => g.Count()).MaxAsync()).ShouldBeLessThanOrEqualTo(Limits.NicsPerVxNet);
        (await db.Nics.Where(n => n.InstanceId != null).GroupBy(n => n.InstanceId).Select(g => g.Count()).MaxAsync()).ShouldBe(Limits.NicsPerServer);
        (await db.Nics.Select(n => new { n.VxNetId, n.PrivateIp }).Distinct().CountAsync()).ShouldBe(2_600);
        var page = (await h.Get<NicQueries>().QueryAsync(h.Context, new NicQuery { Statuses = [NicStatus.Available], Page = new(Limit: 1) })).Ok();
        var server = (await h.Get<InstanceQueries>().QueryAsync(h.Context, new InstanceQuery { Page = new(Limit: 1) })).Ok().Items.Single();
        (await h.Get<AttachNics>().RunAsync(h.Context, [page.Items.Single().Id], server.Id)).Refused(RetCode.QuotaExceeded);
        (await h.Get<RequestNics>().RunAsync(h.Context, new RequestNics.Request(page.Items.Single().VxNetId))).Ok();
    }

    [Fact]
    public async Task RefusesASizeThatBreaksTheRules()
    {
        await using var h = await DomainHarness.StartAsync();

        await Should.ThrowAsync<ArgumentException>(() =>
            h.Services.GetRequiredService<BulkData>().LoadAsync(h.Context, new BulkData.Size(Nics: 1_000, VxNets: 3, Vpcs: 1, Servers: 10)));
    }
}
