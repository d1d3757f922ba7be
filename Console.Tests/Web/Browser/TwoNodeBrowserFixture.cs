using Microsoft.Playwright;
using NicConsole.Domain.Changes;
using NicConsole.Web.Changes;

namespace NicConsole.Tests.Web.Browser;

/// <summary>Two console nodes on one SQLite file, one redis-server and one key ring, and a headless Debian Chromium.</summary>
public sealed class TwoNodeBrowserFixture : IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"nicconsole-keys-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;

    public RedisServer Redis { get; private set; } = null!;

    public ConsoleNode A { get; private set; } = null!;

    public ConsoleNode B { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        var channel = "nicconsole-e2e:" + Guid.NewGuid().ToString("N");
        A = new ConsoleNode("node-a", Redis.ConnectionString, channel, _keys, null);
        await SubscribedAsync(A);
        B = new ConsoleNode("node-b", Redis.ConnectionString, channel, _keys, A.DatabasePath);
        await SubscribedAsync(B);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<BrowserSession> OpenAsync(ConsoleNode node, string test, string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var session = new BrowserSession(context, await context.NewPageAsync(), node.BaseUrl, Path.Combine(BrowserFixture.ArtifactsFolder, test));
        await session.SignInAsync(ConsoleApp.AdminName, ConsoleNode.AdminPassword, path);
        return session;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private static Task SubscribedAsync(ConsoleNode node) =>
        node.Services.GetRequiredService<IChangeFeed>().ShouldBeOfType<RedisChangeFeed>().Subscribed.WaitAsync(TimeSpan.FromSeconds(10));
}
