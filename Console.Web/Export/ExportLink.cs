using System.Text.Json;
using System.Text.Json.Serialization;

namespace NicConsole.Web.Export;

/// <summary>The download address of a list exactly as filtered and sorted on screen: the list's query travels as JSON.</summary>
public static class ExportLink
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string For<TQuery>(string list, TQuery query) =>
        $"export/{list}.csv?q={Uri.EscapeDataString(JsonSerializer.Serialize(query, Json))}";
}
