namespace NicConsole.Web.Export;

/// <summary>One column of an exported list: the localized header's key and the cell's value.</summary>
public sealed record CsvColumn<T>(string HeaderKey, Func<T, object?> Value);
