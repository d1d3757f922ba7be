namespace NicConsole.Web.Features.Hosts.Store;

/// <summary>A host agent's new token, for the page to show once; no state keeps it.</summary>
public sealed record HostTokenIssuedAction(string Name, string Token);
