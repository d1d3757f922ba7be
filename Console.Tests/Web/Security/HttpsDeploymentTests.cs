using System.Net;
using System.Text.RegularExpressions;

namespace NicConsole.Tests.Web.Security;

/// <summary>
/// Behind a reverse proxy that ends TLS, through real Kestrel: the sign-in cookie is Secure when the request is HTTPS
/// (as the proxy's X-Forwarded-Proto says, from a known proxy, here loopback), HSTS is sent on HTTPS answers, and
/// without <c>Https:ForwardedHeaders</c> the header is not believed.
/// </summary>
public sealed partial class HttpsDeploymentTests
{
    private static async Task<(HttpResponseMessage SignIn, string? Cookie)> SignInAsync(ConsoleApp app, bool forwardedHttps)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        HttpRequestMessage Request(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Host = "nicconsole.test";
            if (forwardedHttps)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
                request.Headers.Add("X-Forwarded-For", "192.0.2.50");
            }
            return request;
        }
        var form = await http.SendAsync(Request(HttpMethod.Get, "/login"));
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var post = Request(HttpMethod.Post, "/login");
        post.Headers.Add("Cookie", cookies);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Name"] = ConsoleApp.AdminName,
            ["Input.Password"] = app.AdminPassword,
        });
        var signedIn = await http.SendAsync(post);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the sign-in form accepts the administrator");
        return (signedIn, signedIn.Headers.GetValues("Set-Cookie").SingleOrDefault(c => c.StartsWith(".NicConsole.SignIn=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BehindAProxyThatEndsTlsTheSignInCookieIsSecureAndHstsIsSent()
    {
        using var app = new ConsoleApp(withAdmin: true, new Dictionary<string, string> { ["Https:ForwardedHeaders"] = "true", ["Https:Hsts"] = "true" });

        var (https, secureCookie) = await SignInAsync(app, forwardedHttps: true);
        var (http, plainCookie) = await SignInAsync(app, forwardedHttps: false);

        secureCookie.ShouldNotBeNull().ShouldContain("secure", Case.Insensitive);
        https.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        plainCookie.ShouldNotBeNull().ShouldNotContain("secure", Case.Insensitive);
        http.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is never sent over plain HTTP");
    }

    [Fact]
    public async Task WithoutForwardedHeadersTheProxysWordIsNotBelieved()
    {
        using var app = new ConsoleApp(withAdmin: true);

        var (response, cookie) = await SignInAsync(app, forwardedHttps: true);

        cookie.ShouldNotBeNull().ShouldNotContain("secure", Case.Insensitive);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
