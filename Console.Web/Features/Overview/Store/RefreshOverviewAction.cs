using NicConsole.Domain.Changes;

namespace NicConsole.Web.Features.Overview.Store;

/// <summary>Committed changes the dashboard has not counted yet.</summary>
public sealed record RefreshOverviewAction(IReadOnlyList<ResourceChange> Changes);
