using NicConsole.Web.Users;

namespace NicConsole.Web.Features.Users.Store;

public sealed record LoadUsersSucceededAction(IReadOnlyList<UserView> Users);
