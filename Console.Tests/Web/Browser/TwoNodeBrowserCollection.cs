namespace NicConsole.Tests.Web.Browser;

/// <summary>Two nodes and their browser, run alone: on two cores, a second pair of hosts beside the other browser tests makes timing loose.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoNodeBrowserCollection : ICollectionFixture<TwoNodeBrowserFixture>
{
    public const string Name = "Browser (two nodes)";
}
