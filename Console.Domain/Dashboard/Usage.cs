namespace NicConsole.Domain.Dashboard;

/// <summary>How full one VxNet (of its 252 addresses) or one server (of its 64 NIC slots) is.</summary>
public sealed record Usage(string Id, string Name, string? Detail, int Used, int Capacity)
{
    public double Percent => Capacity == 0 ? 0 : 100.0 * Used / Capacity;
}
