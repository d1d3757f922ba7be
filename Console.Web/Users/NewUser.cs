namespace NicConsole.Web.Users;

/// <summary>A user to create; without a password one is generated and given back once.</summary>
public sealed record NewUser(string Name, Role Role, string Tenant, string? Password = null);
