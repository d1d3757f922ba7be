using NicConsole.Tests.Support.Linux;

namespace NicConsole.Tests.Domain.DataPlane.Linux;

/// <summary>DataPlane:MaxNics: a real data plane refuses, when the change is asked for, what would take it past its NICs.</summary>
[Trait("Category", "Linux")]
public sealed class MaxNicsTests
{
    [LinuxFact]
    public async Task AnAttachOrALaunchPastMaxNicsIsRefusedAndChangesNothing()
    {
        await using var scene = await LinuxScene.StartAsync(new Dictionary<string, string?> { ["DataPlane:MaxNics"] = "3" });
        var h = scene.H;
        var vxnet = await h.CreateJoinedVxNetAsync("172.16.1.0/24");
        var hosta = await h.RunServerAsync("hosta");
        var nics = await h.RequestNicsAsync(vxnet, 3);

        var refused = (await h.Get<AttachNics>().RunAsync(h.Context, nics, hosta)).Refused(RetCode.QuotaExceeded);
        refused.Key.ShouldBe(nameof(DomainErrors.DataPlaneFull));
        (await h.NicAsync(nics[0])).InstanceId.ShouldBeNull();
        scene.Link(hosta, "eth1").ShouldBeNull();

        await h.AttachAsync(hosta, nics[0], nics[1]);
        scene.Link(hosta, "eth2").ShouldNotBeNull();
        (await h.Get<RunInstances>().RunAsync(h.Context, new RunInstances.Request("hostb", [new NetworkChoice(ResourceIds.BasicVxNet)])))
            .Refused(RetCode.QuotaExceeded).Key.ShouldBe(nameof(DomainErrors.DataPlaneFull));
    }
}
