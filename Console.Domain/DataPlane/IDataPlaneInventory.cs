namespace NicConsole.Domain.DataPlane;

/// <summary>What a real data plane can say of itself on this machine, and how it is removed: for <c>dataplane status</c> and <c>purge</c>.</summary>
public interface IDataPlaneInventory
{
    /// <summary>The start-up probe's verdict: what the driver needs and whether each is there.</summary>
    string Probe { get; }

    Task<DataPlaneInventory> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every namespace with the prefix; returns the commands it ran.</summary>
    Task<IReadOnlyList<string>> PurgeAsync(CancellationToken cancellationToken);
}

/// <summary>The namespaces (hosts, servers, routers), bridges and NIC host ends that exist now.</summary>
public sealed record DataPlaneInventory(IReadOnlyList<string> Namespaces, IReadOnlyList<string> Bridges, IReadOnlyList<string> NicLinks);
