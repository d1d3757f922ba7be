using Microsoft.Playwright;

namespace NicConsole.Tests.Support;

public static class Pickers
{
    /// <summary>
    /// Chooses the open picker's item that shows <paramref name="text"/>, and waits for the picker to close: until then
    /// the select is still committing its value, and a field typed into at once may be checked without it.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string text)
    {
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>The same, for an item already found (and perhaps checked) by the test.</summary>
    public static async Task ChooseAsync(this IPage page, ILocator item)
    {
        await item.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
