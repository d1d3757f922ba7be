namespace NicConsole.Web.Users;

/// <summary>A user as the users page and <c>users list</c> show it.</summary>
public sealed record UserView(string Name, Role Role, string Tenant, bool IsLocked, bool IsDisabled);
