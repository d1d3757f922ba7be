namespace NicConsole.Domain.Instances;

/// <summary>Launch servers: the first network is eth0 (primary), the others eth1, eth2, ...</summary>
public sealed record RunInstances(
    string Name,
    IReadOnlyList<NetworkChoice> Networks,
    int Count = 1,
    string ImageId = "",
    string InstanceType = "",
    int Cpu = 1,
    int Memory = 1024);
