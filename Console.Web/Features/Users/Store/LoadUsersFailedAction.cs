namespace NicConsole.Web.Features.Users.Store;

public sealed record LoadUsersFailedAction(string Error);
