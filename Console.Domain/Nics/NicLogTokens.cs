namespace NicConsole.Domain.Nics;

/// <summary>
/// How an operation-log entry's detail tells a person where each NIC it names went, one token a NIC:
/// <c>{nic}={server}/eth{n}</c> for an attach or a detach, <c>{nic}={server}/eth{n}/{ip}</c> for a NIC made with its
/// server. Text for reading only: the timeline takes the same facts from the job (<see cref="NicHistory"/>).
/// </summary>
public static class NicLogTokens
{
    public static string Placements(IEnumerable<Nic> nics, bool withAddress = false) =>
        string.Join(' ', nics.Select(n => $"{n.Id}={n.InstanceId}/eth{n.Sequence}" + (withAddress ? $"/{n.PrivateIp}" : "")));
}
