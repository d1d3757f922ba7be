namespace NicConsole.Web.Flux;

/// <summary>
/// Marks a static or instance method as a reducer. Two shapes are accepted:
/// <c>[ReducerMethod] TState Reduce(TState state, TAction action)</c>, or
/// <c>[ReducerMethod(typeof(TAction))] TState Reduce(TState state)</c> when the action carries no data.
/// Any other shape is a registration error. The reducer runs for every action assignable to <c>TAction</c>;
/// several reducers for one action run in sequence (by type name, then declaration order).
/// Instance reducers live in a class that gets constructor injection.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReducerMethodAttribute : Attribute
{
    /// <summary>
    /// For <c>(TState state, TAction action) =&gt; TState</c>: the action type is taken from the second parameter.
    /// </summary>
    public ReducerMethodAttribute()
    {
    }

    /// <summary>
    /// For <c>(TState state) =&gt; TState</c>: the reducer runs for actions of <paramref name="actionType"/>.
    /// </summary>
    /// <param name="actionType">The action type the reducer handles.</param>
    public ReducerMethodAttribute(Type actionType)
    {
        ActionType = actionType;
    }

    /// <summary>
    /// The action type given to the attribute, or null when it comes from the method's second parameter.
    /// </summary>
    public Type? ActionType { get; }
}
