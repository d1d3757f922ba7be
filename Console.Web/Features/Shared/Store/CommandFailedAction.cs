namespace NicConsole.Web.Features.Shared.Store;

/// <summary>A change the operator asked for was refused or failed; the message is already in the operator's language.</summary>
public sealed record CommandFailedAction(string Message);
