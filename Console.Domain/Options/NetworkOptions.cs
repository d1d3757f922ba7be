namespace NicConsole.Domain.Options;

public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>The zones this console serves; the first is the default.</summary>
    public List<string> Zones { get; set; } = [];

    /// <summary>The /24 of the built-in basic network vxnet-0.</summary>
    public string BasicNetwork { get; set; } = "10.120.7.0/24";

    public IReadOnlyList<string> EffectiveZones => Zones.Count == 0 ? ["pek3a"] : Zones;

    public string DefaultZone => EffectiveZones[0];
}
