namespace NicConsole.Domain.Common;

/// <summary>What every resource has: an id, the zone it lives in, its tenant, and whether lists still show it.</summary>
public interface IResource
{
    string Id { get; }

    string Zone { get; }

    string Tenant { get; }

    bool IsVisible { get; }
}
