namespace NicConsole.Web.Flux;

/// <summary>
/// Read access to one value selected from a feature's state, which notifies only when that value changes.
/// Use it on busy pages instead of <see cref="IState{TState}"/>, which notifies on every change to the feature.
/// It is transient: each injection gets its own selection.
/// </summary>
/// <typeparam name="TState">The type of the feature's state.</typeparam>
/// <typeparam name="TValue">The type of the selected value.</typeparam>
public interface IStateSelection<TState, TValue> : IState<TValue>
{
    /// <summary>
    /// Chooses the value to watch. Call it once, usually in <c>OnInitialized</c> after
    /// <c>base.OnInitialized()</c>; <see cref="IState{TState}.Value"/> cannot be read before.
    /// </summary>
    /// <param name="selector">Picks the value out of the feature's state; it should be cheap and pure.</param>
    /// <param name="valueEquals">
    /// Decides whether two selected values are equal. The default compares by reference, then with
    /// <see cref="IEquatable{T}"/>, then with <see cref="object.Equals(object, object)"/>.
    /// </param>
    /// <param name="selectedValueChanged">Called with the new value each time the selected value changes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A selector has already been set.</exception>
    void Select(
        Func<TState, TValue> selector,
        Func<TValue, TValue, bool>? valueEquals = null,
        Action<TValue>? selectedValueChanged = null);

    /// <summary>
    /// Raised with the new value each time the selected value changes; never raised when the feature changes but
    /// the selected value stays equal.
    /// </summary>
    event EventHandler<TValue> SelectedValueChanged;
}
