using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace NicConsole.Tests.Support;

public static class GridRows
{
    /// <summary>
    /// The one row of a grid with a cell that reads exactly <paramref name="text"/>. A row's whole text is not enough:
    /// ids and addresses are prefixes of others (vxnet-0 of vxnet-0k3…, 172.16.1.10 of 172.16.1.100).
    /// </summary>
    public static IElement Row<T>(this IRenderedComponent<T> page, string grid, string text)
        where T : IComponent =>
        page.FindAll($"{grid} tbody tr").Single(r => HasCell(r, text));

    /// <summary>Whether the grid shows a row with a cell that reads exactly <paramref name="text"/>.</summary>
    public static bool HasRow<T>(this IRenderedComponent<T> page, string grid, string text)
        where T : IComponent =>
        page.FindAll($"{grid} tbody tr").Any(r => HasCell(r, text));

    private static bool HasCell(IElement row, string text) => row.Children.Any(c => c.TextContent.Trim() == text);
}
