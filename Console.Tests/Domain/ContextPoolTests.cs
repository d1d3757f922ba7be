using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Persistence;

namespace NicConsole.Tests.Domain;

/// <summary>
/// Contexts are pooled (<see cref="ConsoleDbContextFactory{T}"/>): used again after they are disposed, yet a context
/// never carries one caller's tenant, or the model without tenant filters, over to the next.
/// </summary>
public class ContextPoolTests : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private TenantResources _a = null!;
    private TenantResources _b = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _a = await TenantScene.BuildAsync(_h, "a");
        _b = await TenantScene.BuildAsync(_h, "b");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ADisposedContextIsLentAgainForTheSameScope()
    {
        var factory = _h.Get<IDbContextFactory<ConsoleDbContext>>();
        var caller = TenantScene.As(_a.Tenant, Role.Viewer);

        var first = await factory.CreateDbContextAsync(caller, CancellationToken.None);
        await first.DisposeAsync();
        await using var second = await factory.CreateDbContextAsync(caller, CancellationToken.None);

        second.ShouldBeSameAs(first);
        second.Tenant.ShouldBe(_a.Tenant);
    }

    [Fact]
    public async Task TenantsAndAnAdminTakingTurnsEachSeeTheirOwnNics()
    {
        var queries = _h.Get<NicQueries>();
        var admin = TenantScene.As("ops", Role.Admin);
        async Task<HashSet<string>> NicsAsync(OperationContext caller) =>
            (await queries.QueryAsync(caller, new NicQuery())).Ok().Items.Select(n => n.Id).ToHashSet();
        HashSet<string> Own(TenantResources t) => [t.PrimaryNic, t.FreeNic, t.AttachedNic];

        for (var turn = 0; turn < 3; turn++)
        {
            (await NicsAsync(TenantScene.As(_a.Tenant, Role.Viewer))).ShouldBe(Own(_a), ignoreOrder: true);
            (await NicsAsync(admin)).IsSupersetOf(Own(_a).Concat(Own(_b))).ShouldBeTrue("an Admin sees both tenants' NICs");
            (await NicsAsync(TenantScene.As(_b.Tenant, Role.Viewer))).ShouldBe(Own(_b), ignoreOrder: true);
        }
    }

    [Fact]
    public async Task AContextForEveryTenantStillSeesEveryTenantAfterTenantsUsedThePool()
    {
        var factory = _h.Get<IDbContextFactory<ConsoleDbContext>>();
        await using (var scoped = await factory.CreateDbContextAsync(TenantScene.As(_a.Tenant, Role.Viewer), CancellationToken.None))
        {
            (await scoped.Nics.CountAsync()).ShouldBe(3);
        }

        await using var every = await factory.CreateDbContextAsync();

        every.Tenant.ShouldBeNull();
        (await every.Nics.CountAsync(n => n.Tenant == _a.Tenant || n.Tenant == _b.Tenant)).ShouldBe(6);
    }
}
