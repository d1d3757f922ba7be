namespace NicConsole.Web.Features.Shared.Store;

/// <summary>A change the operator asked for was accepted; the message is already in the operator's language.</summary>
public sealed record CommandSucceededAction(string Message);
