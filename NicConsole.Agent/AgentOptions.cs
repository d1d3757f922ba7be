namespace NicConsole.Agent;

/// <summary>Who the agent is and whom it answers to: <c>--controller URL --host h2 --token …</c> (or NICCONSOLE_AGENT_TOKEN).</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>The console's base URL, e.g. http://192.0.2.1:5290.</summary>
    public string Controller { get; set; } = "";

    public string Host { get; set; } = "";

    /// <summary>The host's token, as <c>hosts add</c> or <c>hosts rotate-token</c> printed it.</summary>
    public string Token { get; set; } = "";

    /// <summary>How long a wait for a new desired state may last before it is asked again (the console caps it at 60 s).</summary>
    public int WaitSeconds { get; set; } = 30;

    /// <summary>How often the agent brings the kernel back to the last state even when nothing changed (drift).</summary>
    public int ReconcileSeconds { get; set; } = 60;

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(Controller, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return "--controller needs the console's URL (http://… or https://…)";
        }
        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return "--host needs this host's name (as registered with hosts add)";
        }
        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return "--token (or NICCONSOLE_AGENT_TOKEN) needs the host's token";
        }
    }
}
