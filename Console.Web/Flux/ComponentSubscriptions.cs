using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace NicConsole.Web.Flux;

/// <summary>
/// The subscriptions of one <see cref="FluxComponent"/>: its state members, found by
/// reflection (cached per component type), and its action subscriptions.
/// </summary>
internal sealed class ComponentSubscriptions(object component, string baseClassName)
{
    private const BindingFlags DeclaredInstanceMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<Type, MemberInfo[]> StateMembersByType = new();

    private readonly List<(IStateChangedNotifier Notifier, EventHandler Handler)> _stateSubscriptions = [];
    private bool _receivedParameters;
    private bool _subscribedToStates;
    private volatile bool _disposed;

    public bool IsDisposed => _disposed;

    public void ParametersReceived() => _receivedParameters = true;

    public void SubscribeToStates(Action onStateChanged)
    {
        if (_subscribedToStates)
        {
            return;
        }
        _subscribedToStates = true;
        foreach (var member in StateMembersByType.GetOrAdd(component.GetType(), FindStateMembers))
        {
            var value = member is PropertyInfo property ? property.GetValue(component) : ((FieldInfo)member).GetValue(component);
            if (value is not IStateChangedNotifier notifier || _stateSubscriptions.Exists(s => ReferenceEquals(s.Notifier, notifier)))
            {
                continue;
            }
            EventHandler handler = (_, _) =>
            {
                if (!_disposed)
                {
                    onStateChanged();
                }
            };
            notifier.StateChanged += handler;
            _stateSubscriptions.Add((notifier, handler));
        }
    }

    /// <summary>
    /// Returns false if disposal has already started, so that disposing twice is harmless.
    /// </summary>
    public bool TryBeginDispose()
    {
        if (_disposed)
        {
            return false;
        }
        _disposed = true;
        return true;
    }

    /// <summary>
    /// Removes every subscription, then fails if the component was initialised without reaching the base
    /// class's <c>OnInitialized</c>: such a component never re-rendered on state changes, a silent bug otherwise.
    /// </summary>
    public void Unsubscribe(IActionSubscriber? actionSubscriber)
    {
        actionSubscriber?.UnsubscribeFromAllActions(component);
        foreach (var (notifier, handler) in _stateSubscriptions)
        {
            notifier.StateChanged -= handler;
        }
        _stateSubscriptions.Clear();
        if (_receivedParameters && !_subscribedToStates)
        {
            throw new InvalidOperationException(
                $"{component.GetType().FullName} overrides OnInitialized() without calling base.OnInitialized(), so {baseClassName} "
                + "never subscribed to its IState/IStateSelection members and the component did not re-render when the state changed. "
                + "Call base.OnInitialized() first in the override.");
        }
    }

    private static MemberInfo[] FindStateMembers(Type type)
    {
        var members = new List<MemberInfo>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            members.AddRange(current.GetProperties(DeclaredInstanceMembers).Where(p =>
                p.GetIndexParameters().Length == 0 && p.GetMethod is not null && IsState(p.PropertyType)));
            members.AddRange(current.GetFields(DeclaredInstanceMembers).Where(f =>
                !f.IsDefined(typeof(CompilerGeneratedAttribute)) && IsState(f.FieldType)));
        }
        return [.. members];
    }

    private static bool IsState(Type type) => typeof(IStateChangedNotifier).IsAssignableFrom(type);
}
