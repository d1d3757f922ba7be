namespace NicConsole.Tests.Web.Browser;

/// <summary>
/// The guide's walk on a console of its own: the other browser tests change the same demo (hosta's eth1,
/// 172.16.9.0/24), so sharing their app would make the walk depend on which ran first. Run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WizardBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser (guide)";
}
