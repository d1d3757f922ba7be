namespace NicConsole.Web.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How far a request's time_stamp may be from the server clock when it carries no expires.</summary>
    public int TimeToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// How far ahead an <c>expires</c> may lie. A signed change is remembered until it expires (the replay window),
    /// so the window must have an end; the CLI sends now + 20 minutes.
    /// </summary>
    public int MaxExpiresSeconds { get; set; } = 3600;

    public ApiRateLimitOptions RateLimit { get; set; } = new();
}
