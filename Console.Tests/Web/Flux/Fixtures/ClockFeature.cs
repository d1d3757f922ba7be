using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class ClockFeature : Feature<ClockState>
{
    public override string GetName() => "Clock";

    protected override ClockState GetInitialState() => new(0);
}
