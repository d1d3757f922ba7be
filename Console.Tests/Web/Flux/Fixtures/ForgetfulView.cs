using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>Overrides OnInitialized and forgets base.OnInitialized(), the mistake FluxComponent must report.</summary>
public sealed class ForgetfulView : FluxComponent
{
    private string _greeting = "";

    [Inject]
    private IState<CounterState> Counter { get; set; } = default!;

    protected override void OnInitialized() => _greeting = "hello";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, $"{_greeting} {Counter.Value.Count}");
        builder.CloseElement();
    }
}
