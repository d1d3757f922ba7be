using Microsoft.AspNetCore.Localization;

namespace NicConsole.Web.Localization;

/// <summary>The cookies that remember an operator's language and theme across visits.</summary>
public static class Preferences
{
    public const string ThemeCookie = "nc-theme";
    public const string Dark = "dark";

    public static string CultureCookie => CookieRequestCultureProvider.DefaultCookieName;

    public static string CultureCookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
}
