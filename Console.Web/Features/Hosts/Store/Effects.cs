using NicConsole.Domain.Hosts;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Hosts.Store;

/// <summary>The hosts page's only way to the host use cases, as the signed-in operator (an Admin, or refused); each change is followed by a fresh list.</summary>
public sealed class Effects(
    HostQueries hosts,
    RegisterHost register,
    DrainHost drain,
    RotateHostToken rotate,
    RemoveHost remove,
    CurrentOperator @operator,
    CommandRunner commands,
    Microsoft.Extensions.Localization.IStringLocalizer<UiText> text)
{
    [EffectMethod(typeof(LoadHostsAction))]
    public Task HandleLoad(IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => hosts.ListAsync(@operator.Context), list => new LoadHostsSucceededAction(list), error => new LoadHostsFailedAction(error));

    [EffectMethod]
    public async Task HandleRegister(RegisterHostAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => register.RunAsync(@operator.Context, action.Request),
            registered => new HostTokenIssuedAction(registered.Name, registered.Token), error => new CommandFailedAction(error));
        dispatcher.Dispatch(new LoadHostsAction());
    }

    [EffectMethod]
    public async Task HandleDrain(DrainHostAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => drain.RunAsync(@operator.Context, action.Name, action.Drained),
            name => text[action.Drained ? "Hosts.Drained" : "Hosts.Undrained", name].Value);
        dispatcher.Dispatch(new LoadHostsAction());
    }

    [EffectMethod]
    public async Task HandleRotate(RotateHostTokenAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => rotate.RunAsync(@operator.Context, action.Name),
            token => new HostTokenIssuedAction(action.Name, token), error => new CommandFailedAction(error));
        dispatcher.Dispatch(new LoadHostsAction());
    }

    [EffectMethod]
    public async Task HandleRemove(RemoveHostAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => remove.RunAsync(@operator.Context, action.Name), name => text["Hosts.Removed", name].Value);
        dispatcher.Dispatch(new LoadHostsAction());
    }
}
