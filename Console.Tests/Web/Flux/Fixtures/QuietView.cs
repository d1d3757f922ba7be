using Microsoft.AspNetCore.Components.Rendering;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>Hears every tick without re-rendering for it: it counts them, and counts its own renders.</summary>
public sealed class QuietView : FluxComponent
{
    private int _ticksHeard;

    public int TicksHeard => Volatile.Read(ref _ticksHeard);

    public int Renders { get; private set; }

    protected override void OnInitialized()
    {
        base.OnInitialized();
        SubscribeToAction<TickAction>(_ => Interlocked.Increment(ref _ticksHeard), render: false);
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        Renders++;
        builder.AddContent(0, "quiet");
    }
}
