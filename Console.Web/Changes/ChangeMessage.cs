using NicConsole.Domain.Changes;

namespace NicConsole.Web.Changes;

/// <summary>What one node says on the channel: its id, the feed that sent it (so it skips its own), and the changes.</summary>
public sealed record ChangeMessage(string Node, string Sender, IReadOnlyList<ResourceChange> Changes);
