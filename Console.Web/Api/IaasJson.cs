using System.Globalization;

namespace NicConsole.Web.Api;

/// <summary>How the API spells values: times in UTC with a Z and whole seconds, absent strings as "".</summary>
public static class IaasJson
{
    public static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Time(DateTime? time) => time is { } t ? Time(t) : "";

    public static string Transition(Transition transition) => transition == NicConsole.Domain.Common.Transition.None ? "" : transition.ApiName();

    public static readonly object[] NoTags = [];

    public static Dictionary<string, object?> Page<T>(string setName, Page<T> page, Func<T, object> item) => new()
    {
        [setName] = page.Items.Select(item).ToList(),
        ["total_count"] = page.TotalCount,
    };
}
