namespace NicConsole.Web.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>How far a request's time_stamp may be from the server clock when it carries no expires.</summary>
    public int TimeToleranceSeconds { get; set; } = 300;

    public ApiRateLimitOptions RateLimit { get; set; } = new();
}
