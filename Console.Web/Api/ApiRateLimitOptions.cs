namespace NicConsole.Web.Api;

/// <summary>A token bucket per access key (per client address for calls without a valid key).</summary>
public sealed class ApiRateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Tokens added each second: the sustained rate.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>The bucket's size: how many calls may come at once after a quiet spell.</summary>
    public int Burst { get; set; } = 100;
}
