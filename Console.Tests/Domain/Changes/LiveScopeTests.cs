using NicConsole.Domain.Changes;

namespace NicConsole.Tests.Domain.Changes;

/// <summary>Whether a change can alter what an open page shows, from what the change touched and what the page shows.</summary>
public class LiveScopeTests
{
    private static readonly ResourceState Available = new("available", false);
    private static readonly ResourceState InUse = new("in-use", false);

    private static ResourceChange Change(params Touched[] touched) =>
        new("Any", touched.Select(t => t.Id).ToList(), OperationResult.Succeeded, null, "pek3a", "default", null, touched, 1);

    private static Touched Nic(string id, params string[] within) => new(ResourceKinds.Nic, id, within, Available, Available);

    /// <summary>A NIC page filtered on vxnet-a, with one row in it on server i-1.</summary>
    private static readonly LiveScope NicsOfA = new(ResourceKinds.Nic)
    {
        Within = [LiveScope.Set(["vxnet-a"]), LiveScope.Empty],
        Shown = LiveScope.Set(["52:54:00:00:00:01", "vxnet-a", "i-1"]),
    };

    [Fact]
    public void ANicChangeInAnotherVxNetDoesNotAlterAPageFilteredOnOne() =>
        NicsOfA.IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-b"))).ShouldBeFalse();

    [Fact]
    public void ANicChangeInTheVxNetFilteredOnAltersThePageEvenWhenTheNicIsNotOnIt() =>
        NicsOfA.IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-A"))).ShouldBeTrue();

    [Fact]
    public void ANicThatLeftTheVxNetFilteredOnAltersThePage() =>
        NicsOfA.IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-b", "vxnet-a") with { Moved = true })).ShouldBeTrue();

    [Fact]
    public void ARenamedServerOrVxNetThatARowNamesAltersThePage()
    {
        NicsOfA.IsAlteredBy(Change(new Touched(ResourceKinds.Instance, "i-1", [], null, null))).ShouldBeTrue();
        NicsOfA.IsAlteredBy(Change(new Touched(ResourceKinds.Instance, "i-2", [], null, null))).ShouldBeFalse();
        NicsOfA.IsAlteredBy(Change(new Touched(ResourceKinds.VxNet, "vxnet-b", ["vpc-1"], null, null))).ShouldBeFalse();
    }

    [Fact]
    public void AChangeThatDoesNotSayWhatItTouchedAltersEveryPage() =>
        NicsOfA.IsAlteredBy(new ResourceChange("Resync", [], OperationResult.Succeeded, null, "")).ShouldBeTrue();

    [Fact]
    public void AChangeThatTouchedNothingAltersNoPage() =>
        NicsOfA.IsAlteredBy(Change()).ShouldBeFalse();

    [Fact]
    public void AStatusFilterLetsThroughWhatHadOrHasTheStatus()
    {
        var available = new LiveScope(ResourceKinds.Nic) { Statuses = LiveScope.Set(["available"]) };

        available.IsAlteredBy(Change(new Touched(ResourceKinds.Nic, "52:54:00:00:00:09", ["vxnet-b"], InUse, InUse))).ShouldBeFalse();
        available.IsAlteredBy(Change(new Touched(ResourceKinds.Nic, "52:54:00:00:00:09", ["vxnet-b"], Available, InUse))).ShouldBeTrue();
        available.IsAlteredBy(Change(new Touched(ResourceKinds.Nic, "52:54:00:00:00:09", ["vxnet-b"], null, Available))).ShouldBeTrue();
    }

    [Fact]
    public void ARowThatCountsWhatSitsInItIsAlteredByAChangeInside()
    {
        var vxnets = new LiveScope(ResourceKinds.VxNet) { Counting = LiveScope.Set(["vxnet-a"]), Shown = LiveScope.Set(["vxnet-a"]) };

        vxnets.IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-a", "i-7"))).ShouldBeTrue();
        vxnets.IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-b", "i-7"))).ShouldBeFalse();
    }

    [Fact]
    public void APageSortedByAnotherKindsFieldIsAlteredByAnyChangeOfThatKind()
    {
        var byVxNet = NicsOfA with { AnyOf = LiveScope.Set([ResourceKinds.VxNet]) };

        byVxNet.IsAlteredBy(Change(new Touched(ResourceKinds.VxNet, "vxnet-z", [], null, null))).ShouldBeTrue();
        NicsOfA.IsAlteredBy(Change(new Touched(ResourceKinds.VxNet, "vxnet-z", [], null, null))).ShouldBeFalse();
    }

    [Fact]
    public void AnUnfilteredPageOfAKindIsAlteredByEveryChangeOfIt() =>
        new LiveScope(ResourceKinds.Nic).IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-q"))).ShouldBeTrue();

    [Fact]
    public void APageOfOneResourceIsAlteredByItAndWhatIsInItOnly()
    {
        var one = LiveScope.One(ResourceKinds.VxNet, "vxnet-a", ["vpc-1"]);

        one.IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-a"))).ShouldBeTrue();
        one.IsAlteredBy(Change(new Touched(ResourceKinds.Vpc, "vpc-1", [], null, null))).ShouldBeTrue();
        one.IsAlteredBy(Change(new Touched(ResourceKinds.VxNet, "vxnet-b", [], null, null))).ShouldBeFalse();
        one.IsAlteredBy(Change(Nic("52:54:00:00:00:09", "vxnet-b"))).ShouldBeFalse();
    }
}
