namespace NicConsole.Web.Flux;

/// <summary>
/// Marks a static or instance method as an effect. Two shapes are accepted:
/// <c>[EffectMethod] Task Handle(TAction action, IDispatcher dispatcher)</c>, or
/// <c>[EffectMethod(typeof(TAction))] Task Handle(IDispatcher dispatcher)</c>.
/// Any other shape is a registration error. Effect classes get constructor injection and live as long as the
/// store, so a scoped service they take becomes a per-circuit singleton: take <c>IDbContextFactory</c>, never a
/// <c>DbContext</c>. An effect should catch its own exceptions and dispatch a failure action.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EffectMethodAttribute : Attribute
{
    /// <summary>
    /// For <c>(TAction action, IDispatcher dispatcher) =&gt; Task</c>: the action type is taken from the first
    /// parameter.
    /// </summary>
    public EffectMethodAttribute()
    {
    }

    /// <summary>
    /// For <c>(IDispatcher dispatcher) =&gt; Task</c>: the effect runs for actions of <paramref name="actionType"/>.
    /// </summary>
    /// <param name="actionType">The action type the effect reacts to.</param>
    public EffectMethodAttribute(Type actionType)
    {
        ActionType = actionType;
    }

    /// <summary>
    /// The action type given to the attribute, or null when it comes from the method's first parameter.
    /// </summary>
    public Type? ActionType { get; }
}
