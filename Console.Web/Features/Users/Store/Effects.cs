using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;
using NicConsole.Web.Users;

namespace NicConsole.Web.Features.Users.Store;

/// <summary>The users page's only way to <see cref="UserService"/>, as the signed-in operator (an Admin, or refused); each change is followed by a fresh list.</summary>
public sealed class Effects(UserService users, CurrentOperator @operator, CommandRunner commands, Microsoft.Extensions.Localization.IStringLocalizer<UiText> text)
{
    [EffectMethod(typeof(LoadUsersAction))]
    public Task HandleLoad(IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => users.ListAsync(@operator.Context), list => new LoadUsersSucceededAction(list), error => new LoadUsersFailedAction(error));

    [EffectMethod]
    public async Task HandleCreate(CreateUserAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => users.CreateAsync(@operator.Context, action.User),
            password => new UserPasswordIssuedAction(action.User.Name.Trim(), password), error => new CommandFailedAction(error));
        dispatcher.Dispatch(new LoadUsersAction());
    }

    [EffectMethod]
    public async Task HandleChange(ChangeUserAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => users.ChangeAsync(@operator.Context, action.Name, action.Role, action.Tenant),
            name => text["Users.Changed", name].Value);
        dispatcher.Dispatch(new LoadUsersAction());
    }

    [EffectMethod]
    public async Task HandleLock(LockUserAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => users.LockAsync(@operator.Context, action.Name, action.Locked),
            name => text[action.Locked ? "Users.LockedDone" : "Users.UnlockedDone", name].Value);
        dispatcher.Dispatch(new LoadUsersAction());
    }

    [EffectMethod]
    public async Task HandleResetPassword(ResetUserPasswordAction action, IDispatcher dispatcher)
    {
        await commands.RunAsync(dispatcher, () => users.ResetPasswordAsync(@operator.Context, action.Name),
            password => new UserPasswordIssuedAction(action.Name, password), error => new CommandFailedAction(error));
        dispatcher.Dispatch(new LoadUsersAction());
    }
}
