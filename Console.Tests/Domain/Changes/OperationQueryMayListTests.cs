using NicConsole.Domain.Changes;

namespace NicConsole.Tests.Domain.Changes;

/// <summary>The operation log reads itself again for a change exactly when its query lists the entry the change records.</summary>
public class OperationQueryMayListTests : IAsyncLifetime
{
    private DomainHarness _h = null!;

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AChangeMayBeListedExactlyWhenTheQueryListsItsEntry()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        using var heard = new ChangeInbox(_h.Get<IChangeFeed>());
        var nics = await _h.RequestNicsAsync(vxnet, 2);
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(nics[0], Name: "renamed"))).Ok();
        (await _h.Get<ModifyVxNet>().RunAsync(_h.Context, vxnet, "net-renamed", null)).Ok();
        (await _h.Get<RequestNics>().RunAsync(_h.Context, new RequestNics.Request(vxnet, "x", 1, ["10.9.9.9"]))).Succeeded.ShouldBeFalse();
        var other = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "other")).Ok()[0];
        var changes = heard.Changes;
        changes.Count.ShouldBeGreaterThanOrEqualTo(4);

        OperationQuery[] queries =
        [
            new(),
            new() { ResourceId = nics[0] },
            new() { ResourceId = nics[0].ToUpperInvariant() },
            new() { ResourceId = vxnet },
            new() { ResourceId = other },
            new() { Actions = ["ModifyNicAttributes"] },
            new() { Actions = ["CreateNics"], ResourceId = nics[1] },
            new() { Results = [OperationResult.Failed] },
        ];
        foreach (var query in queries)
        {
            var listed = (await _h.Get<OperationQueries>().QueryAsync(_h.Context, query with { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok()
                .Items.Select(o => o.Id).ToHashSet();
            foreach (var change in changes)
            {
                // Each of these use cases writes one entry: its commit is its entry.
                query.MayList(change).ShouldBe(listed.Contains(change.Commit), $"{change.Action} {string.Join(' ', change.ResourceIds)} under {query}");
            }
        }
    }

    [Fact]
    public void AChangeThatDoesNotSayWhatItIsMayBeAnything() =>
        new OperationQuery { ResourceId = "vxnet-x" }.MayList(new ResourceChange("Resync", [], OperationResult.Succeeded, null, "")).ShouldBeTrue();
}
