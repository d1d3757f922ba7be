namespace NicConsole.Web.Flux;

/// <summary>
/// Marks a state record as a feature; <see cref="FluxOptions.ScanAssemblies"/> creates the feature for it. The
/// record needs a parameterless constructor (public or not), whose result is the initial state, unless
/// <see cref="CreateInitialStateMethodName"/> names a factory instead. Either missing is a registration error.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class FeatureStateAttribute : Attribute
{
    /// <summary>
    /// The feature's name in <see cref="IStore.Features"/>. Defaults to the state type's full name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// The name of a static, parameterless method on the state type that returns the initial state. When it is
    /// not set, the parameterless constructor is used.
    /// </summary>
    public string? CreateInitialStateMethodName { get; set; }

    /// <summary>
    /// Kept for Fluxor compatibility; 0 (no throttling) is the only supported value, anything else is a
    /// registration error.
    /// </summary>
    public byte MaximumStateChangedNotificationsPerSecond { get; set; }
}
