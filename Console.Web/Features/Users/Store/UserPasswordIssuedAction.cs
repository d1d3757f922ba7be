namespace NicConsole.Web.Features.Users.Store;

/// <summary>A user's initial or reset password, for the page to show once; no state keeps it.</summary>
public sealed record UserPasswordIssuedAction(string Name, string Password);
