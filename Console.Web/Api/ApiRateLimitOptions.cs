namespace NicConsole.Web.Api;

/// <summary>A token bucket per client address first, then one per access key (per client address for calls without a valid key).</summary>
public sealed class ApiRateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Tokens added each second: the sustained rate.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>The bucket's size: how many calls may come at once after a quiet spell.</summary>
    public int Burst { get; set; } = 100;

    /// <summary>
    /// Tokens added each second to a client address's bucket, which every call passes before its key is looked up: room
    /// for several keys' full rate from one address (a NAT, a CI runner), while a flood of unsigned calls stops there.
    /// </summary>
    public int AddressPermitsPerSecond { get; set; } = 200;

    /// <summary>The address bucket's size.</summary>
    public int AddressBurst { get; set; } = 400;
}
