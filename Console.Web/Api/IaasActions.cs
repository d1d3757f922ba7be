using NicConsole.Web.Api.Actions;

namespace NicConsole.Web.Api;

/// <summary>The table of supported actions, by their API names.</summary>
public sealed class IaasActions
{
    private readonly Dictionary<string, Func<IaasRequest, Task<Dictionary<string, object?>>>> _handlers = new(StringComparer.Ordinal);

    public IaasActions()
    {
        NicActions.Register(this);
        VxNetActions.Register(this);
        RouterActions.Register(this);
        InstanceActions.Register(this);
        JobActions.Register(this);
    }

    public IEnumerable<string> Names => _handlers.Keys.Order(StringComparer.Ordinal);

    public void Add(string action, Func<IaasRequest, Task<Dictionary<string, object?>>> handler) => _handlers.Add(action, handler);

    public Func<IaasRequest, Task<Dictionary<string, object?>>>? Find(string action) => _handlers.GetValueOrDefault(action);
}
