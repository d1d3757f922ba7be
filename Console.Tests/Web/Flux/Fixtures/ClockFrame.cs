using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>A store component around other content, as a layout is around its page.</summary>
public sealed class ClockFrame : FluxComponent
{
    [Inject]
    private IState<ClockState> Clock { get; set; } = default!;

    [Parameter]
    public RenderFragment? Body { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "id", "ticks");
        builder.AddContent(2, Clock.Value.Ticks);
        builder.CloseElement();
        builder.AddContent(3, Body);
    }
}
