namespace NicConsole.Web.Features.Users.Store;

public sealed record SelectUserAction(string? Name);
