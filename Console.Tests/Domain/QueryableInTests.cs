using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Domain;

/// <summary>
/// <see cref="QueryableIn.WhereIn"/>: the same rows as <c>Contains</c>, in SQL that does not depend on how many values
/// are asked for (what lets EF Core cache it: plain <c>Contains</c> sends one parameter per value).
/// </summary>
public class QueryableInTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private IReadOnlyList<string> _nics = [];

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        var vxnet = await _h.CreateJoinedVxNetAsync();
        _nics = await _h.RequestNicsAsync(vxnet, count: 4);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task SelectsTheRowsContainsSelects(int count)
    {
        var ids = _nics.Take(count).ToList();
        await using var db = _h.Db();

        var found = await db.Nics.WhereIn(n => n.Id, ids).Select(n => n.Id).ToListAsync();

        found.Order().ShouldBe(ids.Order());
        (await db.Nics.Where(n => ids.Contains(n.Id)).Select(n => n.Id).ToListAsync()).Order().ShouldBe(found.Order());
    }

    [Fact]
    public async Task ValuesStoredThroughAConverterAreMatchedAsStored()
    {
        await _h.AttachAsync(await _h.RunServerAsync(), _nics[0]);
        await using var db = _h.Db();

        var inUse = await db.Nics.WhereIn(n => n.Status, [NicStatus.InUse]).Select(n => n.Id).ToListAsync();
        var both = await db.Nics.WhereIn(n => n.Status, [NicStatus.InUse, NicStatus.Available]).Select(n => n.Id).ToListAsync();

        inUse.ShouldContain(_nics[0]);
        inUse.ShouldNotContain(_nics[1]);
        _nics.ShouldAllBe(id => both.Contains(id));
        both.Count.ShouldBe(await db.Nics.CountAsync(n => n.Status == NicStatus.InUse || n.Status == NicStatus.Available));
    }

    [Fact]
    public async Task AValueNoRowHasSelectsNothingAndAnEmptyListNothingAtAll()
    {
        await using var db = _h.Db();

        (await db.Nics.WhereIn(n => n.Id, ["52:54:00:ff:ff:ff"]).CountAsync()).ShouldBe(0);
        (await db.Nics.WhereIn(n => n.Id, Array.Empty<string>()).CountAsync()).ShouldBe(0);
        (await db.Nics.CountAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task TheSqlIsTheSameForTwoValuesAsForThree()
    {
        await using var db = _h.Db();

        var two = db.Nics.WhereIn(n => n.Id, _nics.Take(2).ToList()).ToQueryString();
        var three = db.Nics.WhereIn(n => n.Id, _nics.Take(3).ToList()).ToQueryString();

        Sql(two).ShouldBe(Sql(three));
        Sql(db.Nics.Where(n => _nics.Take(2).ToList().Contains(n.Id)).ToQueryString())
            .ShouldNotBe(Sql(db.Nics.Where(n => _nics.Take(3).ToList().Contains(n.Id)).ToQueryString()), "plain Contains differs by count: the reason for WhereIn");
    }

    [Fact]
    public async Task OneValueIsAnEqualityOnOneParameter()
    {
        await using var db = _h.Db();

        var sql = Sql(db.Nics.WhereIn(n => n.VxNetId, [ResourceIds.BasicVxNet]).ToQueryString());

        sql.ShouldContain("\"n\".\"VxNetId\" = @");
        sql.ShouldNotContain(ResourceIds.BasicVxNet);
    }

    /// <summary>The statement without the parameter declarations <c>ToQueryString</c> puts before it.</summary>
    private static string Sql(string query) =>
        string.Join('\n', query.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
}
