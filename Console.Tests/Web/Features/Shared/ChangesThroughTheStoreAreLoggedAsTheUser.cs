using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Operations;
using NicConsole.Web.Features.Instances.Store;
using NicConsole.Web.Features.VxNets.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Shared;

/// <summary>A change dispatched in the console's store is logged under the signed-in user, in their tenant, job outcome included.</summary>
public class ChangesThroughTheStoreAreLoggedAsTheUser : ConsoleTestContext
{
    [Fact]
    public async Task AnOperatorsChangesAreLoggedUnderTheirNameInTheirTenant()
    {
        await Harness.AddUserAsync("stella", Role.Operator, "shop");
        var op = Services.GetRequiredService<CurrentOperator>();
        (op.User, op.Role, op.Tenant) = ("stella", Role.Operator, "shop");
        var store = await StoreAsync();

        Services.GetRequiredService<IDispatcher>().Dispatch(new CreateVxNetsAction("app", 1));
        Services.GetRequiredService<IDispatcher>().Dispatch(new LaunchInstancesAction(new RunInstances.Request("hosta", [new NetworkChoice(ResourceIds.BasicVxNet)])));
        await store.WhenIdle();
        await Harness.Jobs.RunAllPendingAsync();

        await using var db = Harness.Db();
        var entries = await db.OperationLog.AsNoTracking().ToListAsync();
        entries.Select(o => o.Action).ShouldBe(["CreateVxnets", "RunInstances", "RunInstances"], ignoreOrder: true);
        entries.ShouldAllBe(o => o.User == "stella" && o.Tenant == "shop");
        entries.Where(o => o.Action == "RunInstances").Select(o => o.Result).ShouldBe([OperationResult.Accepted, OperationResult.Succeeded], ignoreOrder: true);
        (await db.VxNets.SingleAsync(x => x.Name == "app")).Tenant.ShouldBe("shop");
    }
}
