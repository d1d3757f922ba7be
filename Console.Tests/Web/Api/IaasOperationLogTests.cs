using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Web.Api;

/// <summary>Every change made through a key is logged under the key's user, in the tenant of what changed, job outcomes included.</summary>
public sealed class IaasOperationLogTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnOperatorsChangesThroughTheirKeyAreLoggedUnderTheirNameInTheirTenant()
    {
        var name = $"lena-{Guid.NewGuid():N}"[..11];
        var api = await factory.ClientForNewKeyAsync(name, Role.Operator, "logs");

        var vxnet = (await api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();
        (await api.CallAsync("ModifyVxnetAttributes", ("vxnet", vxnet), ("description", "logged"))).Succeeded();
        var run = (await api.CallAsync("RunInstances", ("vxnets.1", ResourceIds.BasicVxNet))).Succeeded();
        (await api.WaitJobAsync(run.Str("job_id"))).ShouldBe("successful");
        await factory.IdleAsync();

        await using var db = factory.Db();
        var server = run.Strings("instances").Single();
        var entries = await db.OperationLog.AsNoTracking()
            .Where(o => o.ResourceIds.Contains(vxnet) || o.ResourceIds.Contains(server)).ToListAsync();
        entries.Select(o => o.Action).ShouldBe(["CreateVxnets", "ModifyVxnetAttributes", "RunInstances", "RunInstances"], ignoreOrder: true);
        entries.ShouldAllBe(o => o.User == name && o.Tenant == "logs");
        entries.Where(o => o.Action == "RunInstances").Select(o => o.Result).ShouldBe([OperationResult.Accepted, OperationResult.Succeeded], ignoreOrder: true);
    }

    [Fact]
    public async Task AnAdminsChangeToATenantsResourceNamesTheAdminInThatTenantsLog()
    {
        var owner = await factory.ClientForNewKeyAsync($"tom-{Guid.NewGuid():N}"[..10], Role.Operator, "shop");
        var vxnet = (await owner.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();
        var admin = $"root-{Guid.NewGuid():N}"[..11];
        var api = await factory.ClientForNewKeyAsync(admin, Role.Admin, "ops");

        (await api.CallAsync("ModifyVxnetAttributes", ("vxnet", vxnet), ("vxnet_name", "by admin"))).Succeeded();

        await using var db = factory.Db();
        var entry = await db.OperationLog.AsNoTracking().SingleAsync(o => o.Action == "ModifyVxnetAttributes" && o.ResourceIds.Contains(vxnet));
        entry.User.ShouldBe(admin);
        entry.Tenant.ShouldBe("shop");
    }
}
