using System.Collections.Immutable;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>
/// The guide: the step it is on, the ids of what its steps made (VxNet, NIC, server), the job a step waits for,
/// and those resources as last read.
/// </summary>
[FeatureState]
public sealed record WizardState
{
    public WizardState()
    {
    }

    public WizardStep Step { get; init; }
    public ImmutableList<VxNetView> Unjoined { get; init; } = [];
    public string? VxNetId { get; init; }
    public string NicName { get; init; } = "";
    public string? NicVxNetId { get; init; }
    public string? NicId { get; init; }
    public string? InstanceId { get; init; }

    /// <summary>The join or attach job the current step waits for.</summary>
    public string? JobId { get; init; }

    /// <summary>A command is running or its job is: the step cannot move on yet.</summary>
    public bool Busy { get; init; }

    public string? Error { get; init; }
    public VxNetView? VxNet { get; init; }
    public NicView? Nic { get; init; }
    public InstanceView? Instance { get; init; }
}
