using NicConsole.Domain.Jobs;

namespace NicConsole.Domain.DataPlane;

/// <summary>What one job asks the data plane to do: its action on the facts stored with the job when it was accepted.</summary>
public sealed record DataPlaneWork(string JobId, JobAction Action, DataPlaneSpec Spec);
