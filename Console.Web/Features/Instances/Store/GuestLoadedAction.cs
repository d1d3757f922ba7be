using NicConsole.Domain.Instances;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The server's guest as read now (from the kernel, or rendered from the database); null when it could not be read.</summary>
public sealed record GuestLoadedAction(string InstanceId, GuestReading? Guest);
