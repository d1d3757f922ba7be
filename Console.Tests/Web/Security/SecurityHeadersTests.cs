using NicConsole.Web.Security;

namespace NicConsole.Tests.Web.Security;

/// <summary>Every kind of response carries the security headers: pages, the not-found page, static files, the API.</summary>
public class SecurityHeadersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/nics")]
    [InlineData("/no-such-page")]
    [InlineData("/app.js")]
    [InlineData("/iaas/?action=DescribeNics")]
    [InlineData("/health")]
    public async Task EveryResponseCarriesTheHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        var headers = response.Headers;
        headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public void ThePolicyAllowsScriptsFromThisOriginOnlyAndNoFraming()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);

        directives["default-src"].ShouldBe("'self'");
        directives["script-src"].ShouldBe("'self'");
        directives["style-src"].ShouldBe("'self' 'unsafe-inline'");
        directives["connect-src"].ShouldBe("'self'");
        directives["frame-ancestors"].ShouldBe("'none'");
        directives["object-src"].ShouldBe("'none'");
        directives["base-uri"].ShouldBe("'self'");
        directives["form-action"].ShouldBe("'self'");
    }

    [Fact]
    public async Task TheConsolePageHasNoInlineScript()
    {
        var html = await factory.CreateClient().GetStringAsync("/");

        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attributes>[^>]*)>(?<body>.*?)</script>",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        scripts.Count.ShouldBeGreaterThan(0);
        foreach (System.Text.RegularExpressions.Match script in scripts)
        {
            script.Groups["attributes"].Value.ShouldContain("src=");
            script.Groups["body"].Value.Trim().ShouldBeEmpty();
        }
        html.ShouldNotContain(" onclick=", Case.Insensitive);
    }
}
