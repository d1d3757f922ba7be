namespace NicConsole.Web.Flux;

/// <summary>
/// How long a store, with its features, effects and middlewares, lives in dependency injection.
/// </summary>
public enum StoreLifetime
{
    /// <summary>
    /// One store per scope, which in Blazor Server means one per circuit (browser tab). The default.
    /// </summary>
    Scoped,

    /// <summary>
    /// One store for the whole application, shared by every user. Only for exceptional cases.
    /// </summary>
    Singleton,
}
