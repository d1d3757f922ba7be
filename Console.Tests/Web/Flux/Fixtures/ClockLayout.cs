using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class ClockLayout : FluxLayout
{
    [Inject]
    private IState<ClockState> Clock { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "id", "ticks");
        builder.AddContent(2, Clock.Value.Ticks);
        builder.CloseElement();
        builder.AddContent(3, Body);
    }
}
