using NicConsole.Domain.Nics;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>The NIC as it is now (null once it is gone) and its timeline.</summary>
public sealed record NicDetailLoadedAction(string NicId, NicView? Nic, NicTimeline? Timeline);
