using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NicConsole.Web.Telemetry;

namespace NicConsole.Tests.Support;

/// <summary>Instruments for a class built by hand in a test: meters of a factory of their own, which nothing else hears.</summary>
public static class TestMeters
{
    public static IMeterFactory Factory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static WebMetrics Web() => new(Factory());
}
