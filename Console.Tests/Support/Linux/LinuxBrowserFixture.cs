using NicConsole.Domain.DataPlane.Linux;

namespace NicConsole.Tests.Support.Linux;

/// <summary>
/// A console on the Linux data plane (its own prefix, its demo server hosta a real namespace) and a browser on it.
/// Where the Linux data plane cannot run it starts nothing, and its tests skip. Disposing it deletes its namespaces.
/// </summary>
public sealed class LinuxBrowserFixture : IAsyncLifetime
{
    public string Prefix { get; } = LinuxNamespaces.NewPrefix();

    public BrowserFixture Browser { get; private set; } = null!;

    public LinuxNames Names => new(Prefix);

    public async Task InitializeAsync()
    {
        if (!LinuxProbe.Run(maxNics: 0).Ok)
        {
            return;
        }
        Browser = new BrowserFixture(() => new ConsoleApp(withAdmin: true, new Dictionary<string, string>
        {
            ["DataPlane:Driver"] = "Linux",
            ["DataPlane:Prefix"] = Prefix,
        }));
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Browser is not null)
            {
                await Browser.DisposeAsync();
            }
        }
        finally
        {
            LinuxNamespaces.DeleteAll(Prefix);
        }
    }
}
