using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Api;

/// <summary>An API key acts as its user: their name in the log and on the job, their role, and nothing once they are locked or gone.</summary>
public sealed class IaasKeyOwnerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static readonly OperationContext Admin = OperationContext.System("root", "pek3a");

    [Fact]
    public async Task AnOperatorsKeyCreatesResourcesInTheirName()
    {
        var olga = Unique("olga");
        var api = await factory.ClientForNewKeyAsync(olga, Role.Operator);

        var created = (await api.CallAsync("CreateVxnets", ("vxnet_name", "olgas-net"), ("vxnet_type", "1"))).Succeeded();
        var launched = (await api.CallAsync("RunInstances", ("instance_name", "olgas-host"), ("vxnets.1", "vxnet-0"))).Succeeded();

        var vxnet = created.Strings("vxnets").Single();
        var log = (await factory.Get<OperationQueries>().QueryAsync(Admin, new() { User = olga })).Ok();
        log.Items.Select(e => e.Action).Distinct().ShouldBe(["RunInstances", "CreateVxnets"], ignoreOrder: true);
        var job = (await factory.Get<JobQueries>().QueryAsync(Admin, new() { Ids = [launched.Str("job_id")] })).Ok().Items.Single();
        job.Owner.ShouldBe(olga);
        (await factory.Get<VxNetQueries>().QueryAsync(Admin, new() { Ids = [vxnet] })).Ok().Items.Single().Owner.ShouldBe(olga);
    }

    [Fact]
    public async Task AViewersKeyIsRefused1400OnAChangeAndChangesNothing()
    {
        // Passes once the use cases refuse a Viewer's change (context.ChangeRefusal), the tenants engineer's part of issue 6.
        var api = await factory.ClientForNewKeyAsync(Unique("vera"), Role.Viewer);
        var before = await factory.SnapshotAsync();

        (await api.CallAsync("CreateVxnets", ("vxnet_name", "nope"), ("vxnet_type", "1"))).Refused(1400);

        (await factory.SnapshotAsync()).ShouldBe(before);
        (await api.CallAsync("DescribeVxnets")).Succeeded();
    }

    [Fact]
    public async Task ALockedOrDeletedUsersKeyIs1200()
    {
        var name = Unique("leaver");
        var api = await factory.ClientForNewKeyAsync(name, Role.Operator);
        (await api.CallAsync("DescribeNics")).Succeeded();
        var users = factory.Services.GetRequiredService<UserService>();

        (await users.LockAsync(Admin, name, true)).Ok();
        (await api.CallAsync("DescribeNics")).Refused(1200).Str("message").ShouldContain(name);

        (await users.LockAsync(Admin, name, false)).Ok();
        (await api.CallAsync("DescribeNics")).Succeeded();
    }
}
