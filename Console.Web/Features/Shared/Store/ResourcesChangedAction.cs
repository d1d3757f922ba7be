using NicConsole.Domain.Changes;

namespace NicConsole.Web.Features.Shared.Store;

/// <summary>Changes committed anywhere (this operator, another one, a script, a finished job).</summary>
public sealed record ResourcesChangedAction(IReadOnlyList<ResourceChange> Changes);
