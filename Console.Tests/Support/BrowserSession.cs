using Microsoft.Playwright;

namespace NicConsole.Tests.Support;

/// <summary>One operator's browser tab: collects console errors, waits for the circuit, and saves a screenshot per step.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _baseUrl;
    private readonly string _screenshots;
    private readonly List<string> _errors = [];
    private int _step;

    public BrowserSession(IBrowserContext context, IPage page, string baseUrl, string screenshots)
    {
        _context = context;
        Page = page;
        _baseUrl = baseUrl;
        _screenshots = screenshots;
        Directory.CreateDirectory(screenshots);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Takes back the console errors a test caused on purpose (e.g. the 404 of a page the user may not open), after checking them.</summary>
    public IReadOnlyList<string> TakeErrors()
    {
        var taken = _errors.ToList();
        _errors.Clear();
        return taken;
    }

    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(_baseUrl + path);
        await WaitInteractiveAsync();
    }

    /// <summary>
    /// Signs in through the sign-in page as a person would (name, password, the button) and lands on <paramref name="path"/>,
    /// interactive. Every browser test's page starts here.
    /// </summary>
    public async Task SignInAsync(string user, string password, string path = "/")
    {
        await Page.GotoAsync(_baseUrl + "/login?ReturnUrl=" + Uri.EscapeDataString(path));
        await Page.Locator("#login-name").FillAsync(user);
        await Page.Locator("#login-password").FillAsync(password);
        await Page.Locator("#login-submit").ClickAsync();
        await WaitInteractiveAsync();
    }

    public Task WaitInteractiveAsync() =>
        Page.Locator("#app-root[data-interactive=true]").WaitForAsync(new() { Timeout = 15_000 });

    public async Task StepAsync(string name)
    {
        _step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(_screenshots, $"{_step:00}-{name}.png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _errors.ShouldBeEmpty("the browser console showed errors");
    }
}
