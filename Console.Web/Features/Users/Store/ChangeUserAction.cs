namespace NicConsole.Web.Features.Users.Store;

public sealed record ChangeUserAction(string Name, Role Role, string Tenant);
