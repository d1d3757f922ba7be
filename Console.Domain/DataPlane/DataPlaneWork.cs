using NicConsole.Domain.Jobs;

namespace NicConsole.Domain.DataPlane;

/// <summary>What one job asks the hosts to do.</summary>
public sealed record DataPlaneWork(string JobId, JobAction Action, IReadOnlyList<string> ResourceIds);
