using NicConsole.Web.Features.Wizard.Store;

namespace NicConsole.Tests.Web.Features.Wizard;

public class WizardReducers
{
    private const string VxNetId = "vxnet-abc1234";
    private const string NicId = "52:54:00:12:34:56";

    private static VxNetView VxNet(string? vpcId, Transition transition = Transition.None) => new()
    {
        Id = VxNetId, Name = "net", Description = "", Type = VxNetType.Managed, VpcId = vpcId, Features = 0, NicCount = 0,
        Transition = transition, Zone = "pek3a", Owner = "o", CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    private static NicView Nic(NicStatus status, Transition transition = Transition.None) => new()
    {
        Id = NicId, Name = "", Description = "", Status = status, Transition = transition, Role = NicRole.Secondary,
        VxNetId = VxNetId, VxNetName = "net", VxNetType = VxNetType.Managed, PrivateIp = IpAddress.Parse("172.16.9.100"),
        Zone = "pek3a", Owner = "o", CreateTime = DateTime.UtcNow, StatusTime = DateTime.UtcNow,
    };

    private static WizardState Joining => new() { Step = WizardStep.JoinVpc, VxNetId = VxNetId, Busy = true, JobId = "j-join" };

    private static WizardState Attaching => new() { Step = WizardStep.Attach, VxNetId = VxNetId, NicId = NicId, InstanceId = "i-1", Busy = true, JobId = "j-attach" };

    [Fact]
    public void ACreatedVxNetMovesOnToTheJoinWithItsId()
    {
        var busy = Reducers.ReduceCreate(new WizardState());

        var created = Reducers.ReduceCreated(busy, new WizardVxNetCreatedAction(VxNetId));

        busy.Busy.ShouldBeTrue();
        created.Step.ShouldBe(WizardStep.JoinVpc);
        created.VxNetId.ShouldBe(VxNetId);
        created.Busy.ShouldBeFalse();
    }

    [Fact]
    public void AnExistingVxNetGoesOnToTheJoinWithNothingCreated()
    {
        var state = new WizardState { Unjoined = [VxNet(null)] };

        var used = Reducers.ReduceUse(state, new UseWizardVxNetAction(VxNetId));

        used.Step.ShouldBe(WizardStep.JoinVpc);
        used.VxNetId.ShouldBe(VxNetId);
        used.Busy.ShouldBeFalse();
    }

    [Fact]
    public void TheJoinStepWaitsUntilTheVxNetShowsJoinedAndSettled()
    {
        var started = Reducers.ReduceJoinStarted(Joining with { JobId = null }, new WizardJoinStartedAction(VxNetId, "j-join"));
        var stillJoining = Reducers.ReduceRefreshed(started, new WizardRefreshedAction(VxNet("rtr-1", Transition.Joining), null, null));
        var joined = Reducers.ReduceRefreshed(started, new WizardRefreshedAction(VxNet("rtr-1"), null, null));

        started.JobId.ShouldBe("j-join");
        stillJoining.Step.ShouldBe(WizardStep.JoinVpc);
        stillJoining.Busy.ShouldBeTrue();
        joined.Step.ShouldBe(WizardStep.NameNic);
        joined.Busy.ShouldBeFalse();
        joined.JobId.ShouldBeNull();
    }

    [Fact]
    public void AJoinedVxNetDoesNotSkipTheJoinStepWhenNoJoinWasAsked()
    {
        var state = new WizardState { Step = WizardStep.JoinVpc, VxNetId = VxNetId };

        var refreshed = Reducers.ReduceRefreshed(state, new WizardRefreshedAction(VxNet("rtr-1"), null, null));

        refreshed.Step.ShouldBe(WizardStep.JoinVpc);
        refreshed.VxNet!.VpcId.ShouldBe("rtr-1");
    }

    [Fact]
    public void TheAttachStepCompletesWhenTheNicIsInUse()
    {
        var attaching = Reducers.ReduceRefreshed(Attaching, new WizardRefreshedAction(null, Nic(NicStatus.Available, Transition.Attaching), null));
        var attached = Reducers.ReduceRefreshed(Attaching, new WizardRefreshedAction(null, Nic(NicStatus.InUse), null));

        attaching.Step.ShouldBe(WizardStep.Attach);
        attached.Step.ShouldBe(WizardStep.Verify);
        attached.NicId.ShouldBe(NicId);
        attached.InstanceId.ShouldBe("i-1");
        attached.Busy.ShouldBeFalse();
    }

    [Fact]
    public void ARefusalKeepsTheStepAndShowsTheMessage()
    {
        var busy = Reducers.ReduceRequest(new WizardState { Step = WizardStep.AssignIp, NicVxNetId = VxNetId });

        var refused = Reducers.ReduceFailed(busy, new WizardFailedAction("IP 已被占用"));

        refused.Step.ShouldBe(WizardStep.AssignIp);
        refused.Busy.ShouldBeFalse();
        refused.Error.ShouldBe("IP 已被占用");
        Reducers.ReduceRequest(refused).Error.ShouldBeNull();
    }

    [Fact]
    public void OnlyTheFailureOfTheJobWaitedForEndsTheWait()
    {
        var joining = Joining;

        var stale = Reducers.ReduceFailed(joining, new WizardFailedAction("old", "j-other"));
        var failed = Reducers.ReduceFailed(joining, new WizardFailedAction("任务失败", "j-join"));

        stale.ShouldBeSameAs(joining);
        failed.Step.ShouldBe(WizardStep.JoinVpc);
        failed.Busy.ShouldBeFalse();
        failed.JobId.ShouldBeNull();
        failed.Error.ShouldBe("任务失败");
    }

    [Fact]
    public void AResultForAnotherStepChangesNothing()
    {
        var state = new WizardState { Step = WizardStep.Attach, NicId = NicId };

        Reducers.ReduceCreated(state, new WizardVxNetCreatedAction("vxnet-other")).ShouldBeSameAs(state);
        Reducers.ReduceRequested(state, new WizardNicRequestedAction(new NicAddress("52:54:00:00:00:01", IpAddress.Parse("172.16.9.2")))).ShouldBeSameAs(state);
        Reducers.ReduceJoinStarted(state, new WizardJoinStartedAction(VxNetId, "j-1")).ShouldBeSameAs(state);
    }

    [Fact]
    public void ACommandIsNotStartedTwice()
    {
        var busy = Reducers.ReduceJoin(new WizardState { Step = WizardStep.JoinVpc, VxNetId = VxNetId });

        Reducers.ReduceJoin(busy).ShouldBeSameAs(busy);
    }

    [Fact]
    public void BackOnlyWithinTheNicStepsThatAreSubmittedTogether()
    {
        var choosing = new WizardState { Step = WizardStep.ChooseVxNet };
        var assigning = new WizardState { Step = WizardStep.AssignIp };
        var attach = new WizardState { Step = WizardStep.Attach };

        Reducers.ReduceBack(choosing).Step.ShouldBe(WizardStep.NameNic);
        Reducers.ReduceBack(assigning).Step.ShouldBe(WizardStep.ChooseVxNet);
        Reducers.ReduceBack(attach).ShouldBeSameAs(attach);
        Reducers.ReduceBack(new WizardState { Step = WizardStep.NameNic }).Step.ShouldBe(WizardStep.NameNic);
    }

    [Fact]
    public void TheNicStepsCarryTheNameAndVxNetToTheRequest()
    {
        var named = Reducers.ReduceNameNic(new WizardState { Step = WizardStep.NameNic }, new NameWizardNicAction("wiz-nic"));
        var chosen = Reducers.ReduceChooseVxNet(named, new ChooseWizardNicVxNetAction(VxNetId));
        var requested = Reducers.ReduceRequested(Reducers.ReduceRequest(chosen), new WizardNicRequestedAction(new NicAddress(NicId, IpAddress.Parse("172.16.9.100"))));

        chosen.NicName.ShouldBe("wiz-nic");
        chosen.NicVxNetId.ShouldBe(VxNetId);
        requested.Step.ShouldBe(WizardStep.Attach);
        requested.NicId.ShouldBe(NicId);
        requested.Busy.ShouldBeFalse();
    }

    [Fact]
    public void StartingOverForgetsEverythingButTheVxNetsOnOffer()
    {
        var state = Attaching with { Unjoined = [VxNet(null)], Error = "x" };

        var restarted = Reducers.ReduceRestart(state);

        restarted.Step.ShouldBe(WizardStep.CreateVxNet);
        restarted.NicId.ShouldBeNull();
        restarted.Busy.ShouldBeFalse();
        restarted.Error.ShouldBeNull();
        restarted.Unjoined.Count.ShouldBe(1);
    }
}
