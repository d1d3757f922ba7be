using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

[FeatureState(Name = "Seeded", CreateInitialStateMethodName = nameof(Create))]
public sealed record SeededState(int Seed)
{
    private static SeededState Create() => new(42);
}
