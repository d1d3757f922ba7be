using NicConsole.Domain.Hosts;

namespace NicConsole.Domain.Persistence;

/// <summary>
/// What the Hosts migration does to the rows already there, on either provider: a database with servers gets the local
/// host <see cref="Hypervisor.DefaultName"/> (in its servers' zone, online: the console runs its agent), and every
/// server is placed on it. An empty database gets its host at start instead, in the configured default zone.
/// </summary>
internal static class HostsMigration
{
    public static string MoveExistingServers(string now) => $"""
        INSERT INTO Hosts (Name, Zone, Underlay, MaxServers, MaxNics, Online, Drained, TokenHash, CreateTime, StatusTime, Version)
        SELECT '{Hypervisor.DefaultName}', MIN(Zone), '{Hypervisor.LocalUnderlay}', {Hypervisor.LocalMaxServers}, {Hypervisor.LocalMaxNics}, 1, 0, '', {now}, {now}, 0
        FROM Instances HAVING COUNT(*) > 0;
        UPDATE Instances SET HostId = '{Hypervisor.DefaultName}';
        """;
}
