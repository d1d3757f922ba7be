namespace NicConsole.Web.Changes;

public sealed class LiveUpdatesOptions
{
    public const string Section = "LiveUpdates";

    /// <summary>How committed changes reach other operators: in this process only, or through Redis to every node.</summary>
    public Backplane Backplane { get; set; } = Backplane.InProcess;

    /// <summary>The StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...</c>.</summary>
    public string Redis { get; set; } = "";

    /// <summary>The pub/sub channel the nodes share; nodes of different consoles on one Redis need different ones.</summary>
    public string Channel { get; set; } = "nicconsole:changes";
}
