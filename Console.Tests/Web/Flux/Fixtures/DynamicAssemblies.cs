using System.Reflection;
using System.Reflection.Emit;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>
/// Builds one-type assemblies in memory for the registration errors. Misfits cannot live in this project as
/// source, because the other tests scan this whole assembly and AddFlux would refuse it.
/// </summary>
public static class DynamicAssemblies
{
    public static Assembly StateWithoutParameterlessConstructor()
    {
        var (assembly, module) = NewAssembly();
        var state = module.DefineType("Dynamic.OrphanState", TypeAttributes.Public | TypeAttributes.Sealed);
        state.SetCustomAttribute(Attribute<FeatureStateAttribute>());
        var constructor = state.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(int)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(object).GetConstructor(Type.EmptyTypes)!);
        il.Emit(OpCodes.Ret);
        state.CreateType();
        return assembly;
    }

    public static Assembly ThrottledState(byte notificationsPerSecond)
    {
        var (assembly, module) = NewAssembly();
        var state = module.DefineType("Dynamic.ThrottledState", TypeAttributes.Public | TypeAttributes.Sealed);
        state.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(FeatureStateAttribute).GetConstructor(Type.EmptyTypes)!,
            [],
            [typeof(FeatureStateAttribute).GetProperty(nameof(FeatureStateAttribute.MaximumStateChangedNotificationsPerSecond))!],
            [notificationsPerSecond]));
        state.DefineDefaultConstructor(MethodAttributes.Public);
        state.CreateType();
        return assembly;
    }

    public static Assembly Reducer(Type? attributeActionType, Type returnType, params Type[] parameterTypes) =>
        StaticMethod(Attribute<ReducerMethodAttribute>(attributeActionType), returnType, parameterTypes);

    public static Assembly Effect(Type? attributeActionType, Type returnType, params Type[] parameterTypes) =>
        StaticMethod(Attribute<EffectMethodAttribute>(attributeActionType), returnType, parameterTypes);

    private static Assembly StaticMethod(CustomAttributeBuilder attribute, Type returnType, Type[] parameterTypes)
    {
        var (assembly, module) = NewAssembly();
        var holder = module.DefineType("Dynamic.Handlers", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        var method = holder.DefineMethod("Handle", MethodAttributes.Public | MethodAttributes.Static, returnType, parameterTypes);
        method.SetCustomAttribute(attribute);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Newobj, typeof(NotSupportedException).GetConstructor(Type.EmptyTypes)!);
        il.Emit(OpCodes.Throw);
        holder.CreateType();
        return assembly;
    }

    private static (AssemblyBuilder Assembly, ModuleBuilder Module) NewAssembly()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"FluxDynamic{Guid.NewGuid():N}"), AssemblyBuilderAccess.Run);
        return (assembly, assembly.DefineDynamicModule("Main"));
    }

    private static CustomAttributeBuilder Attribute<TAttribute>(Type? actionType = null) where TAttribute : Attribute =>
        actionType is null
            ? new CustomAttributeBuilder(typeof(TAttribute).GetConstructor(Type.EmptyTypes)!, [])
            : new CustomAttributeBuilder(typeof(TAttribute).GetConstructor([typeof(Type)])!, [actionType]);
}
