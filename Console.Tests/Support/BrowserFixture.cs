using Microsoft.Playwright;

namespace NicConsole.Tests.Support;

/// <summary>
/// One console and one headless Debian Chromium for all browser tests (never a downloaded browser). Each test
/// gets a fresh context and page; any console error or page error on it fails the test at <see cref="BrowserSession.DisposeAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly Func<ConsoleApp> _app;
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(() => new ConsoleApp())
    {
    }

    /// <param name="app">The console the browser works on (e.g. one on the Linux data plane).</param>
    internal BrowserFixture(Func<ConsoleApp> app) => _app = app;

    public ConsoleApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run ./test.sh, which installs Debian's chromium.");
        }
        App = _app();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context signed in as the fixture's administrator, on <paramref name="path"/>.</summary>
    public async Task<BrowserSession> OpenAsync(string test, string path = "/")
    {
        var session = await OpenSignedOutAsync(test);
        await session.SignInAsync(ConsoleApp.AdminName, App.AdminPassword, path);
        return session;
    }

    /// <summary>A fresh browser context that nobody signed in to, on no page yet.</summary>
    public async Task<BrowserSession> OpenSignedOutAsync(string test) => await OpenOnAsync(App.BaseUrl, test);

    /// <summary>A fresh browser context on another app (e.g. one with an empty database), nobody signed in.</summary>
    public async Task<BrowserSession> OpenOnAsync(string baseUrl, string test)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        return new BrowserSession(context, await context.NewPageAsync(), baseUrl, Path.Combine(ArtifactsFolder, test));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        App.Dispose();
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NicConsole.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}
