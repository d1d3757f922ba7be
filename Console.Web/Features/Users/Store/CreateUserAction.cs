using NicConsole.Web.Users;

namespace NicConsole.Web.Features.Users.Store;

public sealed record CreateUserAction(NewUser User);
