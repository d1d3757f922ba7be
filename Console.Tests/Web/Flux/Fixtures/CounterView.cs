using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class CounterView : FluxComponent
{
    private int _ticksSeen;

    [Inject]
    private IState<CounterState> Counter { get; set; } = default!;

    [Inject]
    private IStateSelection<CounterState, bool> IsPositive { get; set; } = default!;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        IsPositive.Select(s => s.Count > 0);
        SubscribeToAction<TickAction>(_ => _ticksSeen++);
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "id", "count");
        builder.AddContent(2, Counter.Value.Count);
        builder.CloseElement();
        builder.OpenElement(3, "p");
        builder.AddAttribute(4, "id", "positive");
        builder.AddContent(5, IsPositive.Value ? "yes" : "no");
        builder.CloseElement();
        builder.OpenElement(6, "p");
        builder.AddAttribute(7, "id", "ticks-seen");
        builder.AddContent(8, _ticksSeen);
        builder.CloseElement();
    }
}
