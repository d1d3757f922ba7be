namespace NicConsole.Domain.Changes;

/// <summary>
/// One resource a committed change wrote: its <see cref="Kind"/> (one of <see cref="ResourceKinds"/>), its id, the
/// containers it sat in before the change or sits in after it (a NIC's VxNet and server, a VxNet's VPC, a key's user),
/// its state before (<see cref="Was"/>, null: it did not exist) and after (<see cref="Now"/>, null: it is gone), and
/// whether it <see cref="Moved"/>: a container of it changed (a NIC attached, detached or moved to another VxNet, a VxNet
/// that joined or left a VPC). Open pages decide from it whether they show anything the change can alter; the dashboard
/// counts from it.
/// </summary>
public sealed record Touched(string Kind, string Id, IReadOnlyList<string> In, ResourceState? Was, ResourceState? Now, bool Moved = false)
{
    /// <summary>Whether its state or its place changed, or it came or went: what a count of it could see.</summary>
    public bool Recounts => Moved || Was != Now;

    /// <summary>Whether this resource sits, before or after the change, in one of <paramref name="containers"/>.</summary>
    public bool IsIn(IReadOnlySet<string> containers) => containers.Count > 0 && In.Any(containers.Contains);

    /// <summary>Whether its status before or after the change is one of <paramref name="statuses"/>.</summary>
    public bool HadOrHas(IReadOnlySet<string> statuses) =>
        (Was is { } was && statuses.Contains(was.Status)) || (Now is { } now && statuses.Contains(now.Status));
}

/// <summary>A resource's status as the API names it, and whether a job is changing it.</summary>
public sealed record ResourceState(string Status, bool Changing);

/// <summary>The kinds of resource a change can touch.</summary>
public static class ResourceKinds
{
    public const string Nic = "nic";
    public const string VxNet = "vxnet";
    public const string Vpc = "vpc";
    public const string Instance = "instance";
    public const string Job = "job";
    public const string AccessKey = "key";
    public const string User = "user";
    public const string Host = "host";
}
