namespace NicConsole.Web.Flux;

/// <summary>
/// Something that announces that the state it exposes has changed. <see cref="FluxComponent"/> finds every
/// member of this type on a component and re-renders the component when it fires.
/// </summary>
public interface IStateChangedNotifier
{
    /// <summary>
    /// Raised after the state has been replaced. It is raised on the thread that dispatched the action, which is
    /// often not the renderer's thread, so a component must marshal with <c>InvokeAsync</c>.
    /// </summary>
    event EventHandler StateChanged;
}
