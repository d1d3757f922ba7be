using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NicConsole.Tests.Support;

/// <summary>Signs an HTTP client in through the sign-in form, as a browser posts it (antiforgery token included).</summary>
public static partial class SignIn
{
    /// <summary>A client with the sign-in cookie, which does not follow redirects (so a test sees where it is sent).</summary>
    public static async Task<HttpClient> ClientAsync(WebApplicationFactory<Program> factory, string user, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostAsync(client, user, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the sign-in form did not accept the user");
        return client;
    }

    /// <summary>Posts the sign-in form once and answers what the server answered.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string user, string password, string returnUrl = "/")
    {
        var form = await client.GetStringAsync("/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = Token().Match(form).Groups[1].Value;
        token.ShouldNotBeEmpty("the sign-in form carries an antiforgery token");
        return await client.PostAsync("/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Name"] = user,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
