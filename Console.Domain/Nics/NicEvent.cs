namespace NicConsole.Domain.Nics;

/// <summary>What happened to a NIC, as its timeline tells it.</summary>
public enum NicEvent
{
    Created,
    Attached,
    Detached,
    AddressChanged,
    Renamed,
    DescriptionChanged,
    ReleasedWithServer,
}
