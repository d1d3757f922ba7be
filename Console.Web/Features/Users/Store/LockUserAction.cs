namespace NicConsole.Web.Features.Users.Store;

public sealed record LockUserAction(string Name, bool Locked);
