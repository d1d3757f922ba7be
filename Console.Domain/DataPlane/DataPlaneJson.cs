using System.Text.Json;

namespace NicConsole.Domain.DataPlane;

/// <summary>How a job stores its <see cref="DataPlaneSpec"/>.</summary>
public static class DataPlaneJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Write(DataPlaneSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <summary>The stored spec; an empty one for a job stored before jobs carried it.</summary>
    public static DataPlaneSpec Read(string json) =>
        string.IsNullOrEmpty(json) ? DataPlaneSpec.Empty : JsonSerializer.Deserialize<DataPlaneSpec>(json, Options) ?? DataPlaneSpec.Empty;
}
