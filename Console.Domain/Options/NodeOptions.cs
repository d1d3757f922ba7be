namespace NicConsole.Domain.Options;

public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>
    /// This process among the nodes that share one database: it holds the leases of the jobs it runs and tags the
    /// changes it publishes. Unique per node; blank means the machine name and process id.
    /// </summary>
    public string Id { get; set; } = "";

    public static string DefaultId => $"{Environment.MachineName}-{Environment.ProcessId}";
}
