using System.Linq.Expressions;
using System.Reflection;
using NicConsole.Web.Flux.Exceptions;

namespace NicConsole.Web.Flux.Scanning;

/// <summary>
/// Finds feature states, feature classes, reducer and effect methods, and closed <see cref="Reducer{TState, TAction}"/>
/// and <see cref="Effect{TAction}"/> subclasses, checks their shapes, and turns
/// them into a <see cref="StoreBlueprint"/>. Every problem is collected and reported in one
/// <see cref="FluxRegistrationException"/>. Types are visited by full name and methods in declaration order, so
/// the order of features, reducers and effects is stable.
/// </summary>
internal static class AssemblyScanner
{
    private const BindingFlags DeclaredMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static StoreBlueprint Scan(IEnumerable<Assembly> assemblies, IReadOnlyList<Type> middlewareTypes)
    {
        var types = assemblies
            .Distinct()
            .SelectMany(a => LoadableTypes(a).OrderBy(t => t.FullName, StringComparer.Ordinal))
            .ToArray();
        var problems = new List<string>();
        var features = new List<FeatureBlueprint>();
        var services = new List<Type>();
        foreach (var type in types)
        {
            if (type.GetCustomAttribute<FeatureStateAttribute>() is { } attribute)
            {
                AddStateFeature(type, attribute, features, problems);
            }
            if (FeatureClassStateType(type) is { } stateType)
            {
                features.Add(new FeatureBlueprint(stateType, null, sp => (IFeature)sp.GetRequiredService(type)));
                services.Add(type);
            }
        }
        foreach (var duplicate in features.GroupBy(f => f.StateType).Where(g => g.Count() > 1))
        {
            problems.Add($"{Name(duplicate.Key)} is the state of {duplicate.Count()} features; a state type belongs to one feature.");
        }
        foreach (var duplicate in features.Where(f => f.Name is not null).GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Feature name '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(f => Name(f.StateType)))}; feature names must be unique.");
        }

        var states = features.Select(f => f.StateType).ToHashSet();
        var reducers = new List<ReducerBlueprint>();
        var effects = new List<EffectBlueprint>();
        foreach (var method in types.SelectMany(t => t.GetMethods(DeclaredMethods).OrderBy(m => m.MetadataToken)))
        {
            if (method.GetCustomAttribute<ReducerMethodAttribute>() is { } reducer)
            {
                AddReducer(method, reducer.ActionType, states, reducers, services, problems);
            }
            if (method.GetCustomAttribute<EffectMethodAttribute>() is { } effect)
            {
                AddEffect(method, effect.ActionType, effects, services, problems);
            }
        }

        foreach (var type in types)
        {
            if (ClosedBase(type, typeof(Reducer<,>)) is { } reducerBase)
            {
                AddReducerClass(type, reducerBase.GetGenericArguments()[0], states, reducers, services, problems);
            }
            if (ClosedBase(type, typeof(Effect<>)) is not null)
            {
                effects.Add(new EffectBlueprint(sp => (IEffect)sp.GetRequiredService(type)));
                services.Add(type);
            }
        }

        if (problems.Count > 0)
        {
            throw new FluxRegistrationException(problems);
        }
        return new StoreBlueprint(features, reducers, effects, [.. services.Distinct()], middlewareTypes);
    }

    private static void AddStateFeature(Type stateType, FeatureStateAttribute attribute, List<FeatureBlueprint> features, List<string> problems)
    {
        var before = problems.Count;
        if (stateType.ContainsGenericParameters || stateType.IsAbstract)
        {
            problems.Add($"[FeatureState] {Name(stateType)} is generic or abstract; a feature state must be a concrete type.");
        }
        if (attribute.MaximumStateChangedNotificationsPerSecond != 0)
        {
            problems.Add($"[FeatureState] {Name(stateType)} sets MaximumStateChangedNotificationsPerSecond = {attribute.MaximumStateChangedNotificationsPerSecond}; throttling is not supported and 0 is the only allowed value.");
        }
        MethodInfo? factory = null;
        ConstructorInfo? constructor = null;
        if (attribute.CreateInitialStateMethodName is { } methodName)
        {
            factory = stateType.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes);
            if (factory is null || factory.ReturnType != stateType)
            {
                problems.Add($"[FeatureState] {Name(stateType)} names CreateInitialStateMethodName = \"{methodName}\", but has no static parameterless method of that name returning {stateType.Name}.");
            }
        }
        else
        {
            constructor = stateType.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);
            if (constructor is null && !stateType.IsValueType)
            {
                problems.Add($"[FeatureState] {Name(stateType)} has no parameterless constructor. Add one that sets the initial state (for a positional record: public {stateType.Name}() : this(...) {{ }}), or name a static factory with CreateInitialStateMethodName.");
            }
        }
        if (problems.Count > before)
        {
            return;
        }
        var name = attribute.Name ?? stateType.FullName ?? stateType.Name;
        features.Add((FeatureBlueprint)Generic(nameof(StateFeatureBlueprint), stateType).Invoke(null, [name, factory, constructor])!);
    }

    private static FeatureBlueprint StateFeatureBlueprint<TState>(string name, MethodInfo? factory, ConstructorInfo? constructor)
    {
        var create = factory is not null
            ? factory.CreateDelegate<Func<TState>>()
            : Expression.Lambda<Func<TState>>(constructor is null ? Expression.New(typeof(TState)) : Expression.New(constructor)).Compile();
        return new FeatureBlueprint(typeof(TState), name, _ => new StateFeature<TState>(name, create));
    }

    private static Type? FeatureClassStateType(Type type) => ClosedBase(type, typeof(Feature<>))?.GetGenericArguments()[0];

    /// <summary>The closed base of a concrete, closed class made from <paramref name="definition"/>, if it has one.</summary>
    private static Type? ClosedBase(Type type, Type definition)
    {
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
        {
            return null;
        }
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.IsGenericType && baseType.GetGenericTypeDefinition() == definition)
            {
                return baseType;
            }
        }
        return null;
    }

    private static void AddReducerClass(Type type, Type stateType, HashSet<Type> states, List<ReducerBlueprint> reducers, List<Type> services, List<string> problems)
    {
        if (!states.Contains(stateType))
        {
            problems.Add($"Reducer {Name(type)} reduces {Name(stateType)}, which is not a feature state: mark it [FeatureState] or write a Feature<{stateType.Name}> in a scanned assembly.");
            return;
        }
        reducers.Add((ReducerBlueprint)Generic(nameof(ReducerClassBlueprint), stateType).Invoke(null, [type])!);
        services.Add(type);
    }

    private static ReducerBlueprint ReducerClassBlueprint<TState>(Type type) =>
        new(typeof(TState), (services, feature) => ((IFeature<TState>)feature).AddReducer((IReducer<TState>)services.GetRequiredService(type)));

    private static void AddReducer(MethodInfo method, Type? actionType, HashSet<Type> states, List<ReducerBlueprint> reducers, List<Type> services, List<string> problems)
    {
        var before = problems.Count;
        var where = $"[ReducerMethod] {Name(method)}";
        var parameters = method.GetParameters();
        var expected = actionType is null
            ? "it must be (TState state, TAction action) => TState, or (TState state) => TState with [ReducerMethod(typeof(TAction))]"
            : $"with [ReducerMethod(typeof({actionType.Name}))] it must be (TState state) => TState";
        if (parameters.Length != (actionType is null ? 2 : 1))
        {
            problems.Add($"{where} takes {parameters.Length} parameter(s); {expected}.");
            return;
        }
        var stateType = parameters[0].ParameterType;
        actionType ??= parameters[1].ParameterType;
        CheckBindable(method, actionType, where, problems);
        if (method.ReturnType != stateType)
        {
            problems.Add($"{where} returns {method.ReturnType.Name} but its state parameter is {stateType.Name}; {expected}.");
        }
        else if (!states.Contains(stateType))
        {
            problems.Add($"{where} reduces {Name(stateType)}, which is not a feature state: mark it [FeatureState] or write a Feature<{stateType.Name}> in a scanned assembly.");
        }
        if (problems.Count > before)
        {
            return;
        }
        reducers.Add((ReducerBlueprint)Generic(nameof(ReducerBlueprintFor), stateType, actionType).Invoke(null, [method, parameters.Length == 1])!);
        if (!method.IsStatic)
        {
            services.Add(method.DeclaringType!);
        }
    }

    private static ReducerBlueprint ReducerBlueprintFor<TState, TAction>(MethodInfo method, bool stateOnly) =>
        new(typeof(TState), (services, feature) =>
        {
            var target = method.IsStatic ? null : services.GetRequiredService(method.DeclaringType!);
            Func<TState, TAction, TState> reduce;
            if (stateOnly)
            {
                var reduceState = method.CreateDelegate<Func<TState, TState>>(target);
                reduce = (state, _) => reduceState(state);
            }
            else
            {
                reduce = method.CreateDelegate<Func<TState, TAction, TState>>(target);
            }
            ((IFeature<TState>)feature).AddReducer(new MethodReducer<TState, TAction>(reduce));
        });

    private static void AddEffect(MethodInfo method, Type? actionType, List<EffectBlueprint> effects, List<Type> services, List<string> problems)
    {
        var before = problems.Count;
        var where = $"[EffectMethod] {Name(method)}";
        var parameters = method.GetParameters();
        var dispatcherOnly = actionType is not null;
        var expected = dispatcherOnly
            ? $"with [EffectMethod(typeof({actionType!.Name}))] it must be (IDispatcher dispatcher) => Task"
            : "it must be (TAction action, IDispatcher dispatcher) => Task, or (IDispatcher dispatcher) => Task with [EffectMethod(typeof(TAction))]";
        if (parameters.Length != (dispatcherOnly ? 1 : 2) || parameters[^1].ParameterType != typeof(IDispatcher))
        {
            var shape = string.Join(", ", parameters.Select(p => p.ParameterType.Name));
            problems.Add($"{where} takes ({shape}); {expected}.");
            return;
        }
        actionType ??= parameters[0].ParameterType;
        CheckBindable(method, actionType, where, problems);
        if (method.ReturnType != typeof(Task))
        {
            problems.Add($"{where} returns {method.ReturnType.Name}; {expected} (write it as async Task).");
        }
        if (problems.Count > before)
        {
            return;
        }
        effects.Add((EffectBlueprint)Generic(nameof(EffectBlueprintFor), actionType).Invoke(null, [method, dispatcherOnly])!);
        if (!method.IsStatic)
        {
            services.Add(method.DeclaringType!);
        }
    }

    private static EffectBlueprint EffectBlueprintFor<TAction>(MethodInfo method, bool dispatcherOnly) =>
        new(services =>
        {
            var target = method.IsStatic ? null : services.GetRequiredService(method.DeclaringType!);
            Func<TAction, IDispatcher, Task> handle;
            if (dispatcherOnly)
            {
                var handleDispatcher = method.CreateDelegate<Func<IDispatcher, Task>>(target);
                handle = (_, dispatcher) => handleDispatcher(dispatcher);
            }
            else
            {
                handle = method.CreateDelegate<Func<TAction, IDispatcher, Task>>(target);
            }
            return new MethodEffect<TAction>(handle);
        });

    private static void CheckBindable(MethodInfo method, Type actionType, string where, List<string> problems)
    {
        if (method.ContainsGenericParameters || actionType.ContainsGenericParameters)
        {
            problems.Add($"{where} is generic or declared in a generic class; generic reducers and effects are not supported.");
        }
        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            problems.Add($"{where} has a ref, in or out parameter; pass state and actions by value.");
        }
        if (!method.IsStatic && method.DeclaringType!.IsAbstract)
        {
            problems.Add($"{where} is an instance method of an abstract class; make it static or the class concrete.");
        }
    }

    private static MethodInfo Generic(string name, params Type[] typeArguments) =>
        typeof(AssemblyScanner).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(typeArguments);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    private static string Name(Type type) => type.FullName ?? type.Name;

    private static string Name(MethodInfo method) => $"{Name(method.DeclaringType!)}.{method.Name}";
}
