namespace NicConsole.Domain.Options;

public sealed class DataPlaneOptions
{
    public const string Section = "DataPlane";

    /// <summary>How long the simulated data plane takes to apply one job.</summary>
    public int LatencyMilliseconds { get; set; } = 300;
}
