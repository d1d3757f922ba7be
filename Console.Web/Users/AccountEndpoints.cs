using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using NicConsole.Domain.Users;

namespace NicConsole.Web.Users;

public static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";

    /// <summary><c>POST /account/logout</c> (a form with its antiforgery token, as the app bar sends it): signs out, then the sign-in page.</summary>
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<ConsoleUser> signIn) =>
        {
            // No form field is bound, so nothing would check the token on its own: a forged sign-out is refused here.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.BadRequest();
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/login");
        }).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>A return URL from a query string, used only when it stays on this site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
