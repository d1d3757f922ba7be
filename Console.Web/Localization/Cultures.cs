using System.Globalization;

namespace NicConsole.Web.Localization;

/// <summary>The console's languages: Chinese first, English complete.</summary>
public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static readonly string[] Supported = [Chinese, English];

    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
