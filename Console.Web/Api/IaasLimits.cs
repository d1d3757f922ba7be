namespace NicConsole.Web.Api;

/// <summary>
/// How large an API call may be, set on purpose rather than left to Kestrel's defaults (an 8 KB request line would
/// refuse a legal 252-id GET with a bare HTTP error the SDKs report as nothing).
/// </summary>
/// <remarks>
/// The largest legal call is a DescribeNics with every list at its longest: 252 NIC ids (each
/// <c>&amp;nics.252=52%3A54%3Axx%3Axx%3Axx%3Axx</c>, 37 bytes: 9.3 KB), 100 VxNets and 100 servers, a 64-character name
/// and a 128-character search word in Chinese (9 bytes a character percent-encoded), paging and the signature's
/// parameters: 16 KB, measured by <c>IaasRequestLimitsTests</c>. <see cref="MaxParameterBytes"/> leaves four times that.
/// </remarks>
public static class IaasLimits
{
    /// <summary>The most bytes of parameters (the query string of a GET, the form body of a POST) the API reads.</summary>
    public const int MaxParameterBytes = 64 * 1024;

    /// <summary>
    /// Kestrel's request-line limit for the whole app: far above <see cref="MaxParameterBytes"/>, so a call between the
    /// two reaches the API and is answered with its JSON (1100, naming the limit), and equal to Kestrel's own
    /// per-connection buffer (1 MiB by default), so no connection can hold more than it already could. Only a request
    /// line past it gets Kestrel's bare 414.
    /// </summary>
    public const int RequestLineBytes = 1024 * 1024;
}
