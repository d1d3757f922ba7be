namespace NicConsole.Tests.Domain.Vpcs;

public class VpcRulesDeleteRefusal
{
    private static VpcView View(VpcStatus status = VpcStatus.Active, Transition transition = Transition.None, int vxnets = 0) => new()
    {
        Id = "rtr-aaaaaaaa", Name = "vpc", Description = "", Network = Cidr.Parse("172.16.0.0/16"), RouterType = 1,
        Status = status, Transition = transition, VxNetCount = vxnets, Zone = "pek3a", Owner = "o",
        CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    [Fact]
    public void AnActiveVpcWithoutVxNetsMayBeDeleted() => View().DeleteRefusal().ShouldBeNull();

    [Fact]
    public void AVpcWithJoinedVxNetsIsRefusedWithTheirCount()
    {
        var refusal = View(vxnets: 2).DeleteRefusal();

        refusal.ShouldNotBeNull();
        refusal.ToString().ShouldBe(DomainErrors.VpcHasVxNets("rtr-aaaaaaaa", 2).ToString());
        refusal.Code.ShouldBe(RetCode.PermissionDenied);
    }

    [Theory]
    [InlineData(VpcStatus.Pending, Transition.Creating, "creating")]
    [InlineData(VpcStatus.Active, Transition.Deleting, "deleting")]
    public void AVpcWithAJobRunningIsRefusedWithWhatTheJobDoes(VpcStatus status, Transition transition, string state) =>
        View(status, transition).DeleteRefusal()!.ToString().ShouldBe(DomainErrors.VpcNotActive("rtr-aaaaaaaa", state).ToString());

    [Fact]
    public void TheRunningJobIsNamedBeforeTheVxNets() =>
        View(VpcStatus.Active, Transition.Deleting, vxnets: 1).DeleteRefusal()!.Key.ShouldBe(nameof(DomainErrors.VpcNotActive));

    [Fact]
    public void TheEntityGivesTheSameAnswerAsTheList()
    {
        var vpc = new Vpc("vpc", Cidr.Parse("172.16.0.0/16"), 1, "pek3a", "o", OperationContext.DefaultTenant, "j-aaaaaaaa", DateTime.UtcNow);
        var view = View(vpc.Status, vpc.Transition, 0) with { Id = vpc.Id };

        vpc.DeleteRefusal(0).ShouldNotBeNull();
        vpc.DeleteRefusal(0)!.ToString().ShouldBe(view.DeleteRefusal()!.ToString());
    }

    [Fact]
    public async Task DeleteVpcsRefusesWithTheRuleTheListShows()
    {
        await using var h = await DomainHarness.StartAsync();
        var vxnet = await h.CreateJoinedVxNetAsync();
        var vpcId = (await h.Get<VxNetQueries>().QueryAsync(h.Context, new VxNetQuery { Ids = [vxnet] })).Ok().Items.Single().VpcId!;
        var view = (await h.Get<VpcQueries>().QueryAsync(h.Context, new VpcQuery { Ids = [vpcId] })).Ok().Items.Single();

        var refused = (await h.Get<DeleteVpcs>().RunAsync(h.Context, [vpcId])).Refused(RetCode.PermissionDenied);

        view.DeleteRefusal()!.ToString().ShouldBe(refused.ToString());
        refused.Key.ShouldBe(nameof(DomainErrors.VpcHasVxNets));
    }
}
