using System.Diagnostics;
using System.Diagnostics.Metrics;
using NicConsole.Domain.Telemetry;

namespace NicConsole.Web.Telemetry;

/// <summary>
/// The web side's instruments: API calls by action and <c>ret_code</c> (count and time), rate-limit refusals, req_id
/// replays refused, live updates delivered to pages and how late, and open pages by kind. Circuits and sign-ins are
/// ASP.NET Core's own instruments (<c>aspnetcore.components.circuit.*</c>, <c>aspnetcore.identity.sign_in.*</c>).
/// </summary>
public sealed class WebMetrics
{
    /// <summary>The label of an action the API does not know: a caller's free text never becomes a label.</summary>
    public const string UnknownAction = "unknown";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _replaysRefused;
    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _delay;
    private readonly UpDownCounter<long> _pages;

    public WebMetrics(IMeterFactory meters)
    {
        var api = meters.Create(ConsoleTelemetry.ApiMeter);
        _calls = api.CreateCounter<long>("nicconsole.api.calls", "{call}", "/iaas/ calls answered, by action and ret_code.");
        _callDuration = api.CreateHistogram<double>("nicconsole.api.duration", "s", "/iaas/ calls from request to answer, by action and ret_code.",
            advice: ConsoleTelemetry.Seconds);
        _rateLimited = api.CreateCounter<long>("nicconsole.api.rate_limited", "{call}", "/iaas/ calls refused by the rate limiter, by partition (address or key).");
        _replaysRefused = api.CreateCounter<long>("nicconsole.api.replays_refused", "{call}", "Changes refused for their req_id: still in progress, or reused with other parameters.");

        var live = meters.Create(ConsoleTelemetry.LiveMeter);
        _delivered = live.CreateCounter<long>("nicconsole.live.delivered", "{change}", "Changes delivered to an open circuit's pages (one per circuit that hears it).");
        _delay = live.CreateHistogram<double>("nicconsole.live.delay", "s", "From a change's commit to its delivery to a circuit.",
            advice: ConsoleTelemetry.Seconds);

        var console = meters.Create(ConsoleTelemetry.ConsoleMeter);
        _pages = console.CreateUpDownCounter<long>("nicconsole.pages.open", "{page}", "Console pages open in circuits, by kind.");
    }

    public void ApiCall(string action, int retCode, TimeSpan took)
    {
        var tags = new TagList { { "api.action", action }, { "api.ret_code", retCode } };
        _calls.Add(1, tags);
        _callDuration.Record(took.TotalSeconds, tags);
    }

    public void RateLimited(string partition) => _rateLimited.Add(1, new KeyValuePair<string, object?>("api.partition", partition));

    public void ReplayRefused(string reason) => _replaysRefused.Add(1, new KeyValuePair<string, object?>("api.reason", reason));

    public void Delivered(int changes, TimeSpan delay)
    {
        _delivered.Add(changes);
        _delay.Record(Math.Max(0, delay.TotalSeconds));
    }

    /// <summary>Counts a page of <paramref name="kind"/> open until the returned handle is disposed (once).</summary>
    public IDisposable PageOpened(string kind)
    {
        var tag = new KeyValuePair<string, object?>("page", kind);
        _pages.Add(1, tag);
        return new Domain.Common.ActionDisposable(() => _pages.Add(-1, tag));
    }
}
