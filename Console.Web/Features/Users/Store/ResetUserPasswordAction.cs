namespace NicConsole.Web.Features.Users.Store;

public sealed record ResetUserPasswordAction(string Name);
