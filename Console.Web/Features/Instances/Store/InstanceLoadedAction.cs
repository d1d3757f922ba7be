using NicConsole.Domain.Instances;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The server as read now, or null when there is no such server (any more).</summary>
public sealed record InstanceLoadedAction(string InstanceId, InstanceView? Instance);
