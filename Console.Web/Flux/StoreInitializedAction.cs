namespace NicConsole.Web.Flux;

/// <summary>
/// The first action every store processes, when <see cref="IStore.InitializeAsync"/> runs. An effect on it is
/// the application's start-up hook (for example "load the dashboard").
/// </summary>
public sealed record StoreInitializedAction;
