using Microsoft.Extensions.Options;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;

namespace NicConsole.Web.Agents;

/// <summary>
/// What a host's agent calls, and nothing else it may call: it proves itself with its host's token
/// (<c>Authorization: Bearer h2.…</c>), never a user's session or an API key, and every answer concerns that host only.
/// <c>POST /agent/v1/heartbeat</c>: the host is alive (kept in memory and told to the other nodes, <see cref="AgentRelay"/>;
/// the database hears only of a change of status).
/// <c>GET /agent/v1/state</c>: the host's desired state (<see cref="HostDesiredState"/>) with its ETag; with
/// <c>If-None-Match</c> and <c>?wait=N</c> (seconds, at most 60) the answer waits until the state differs from that
/// ETag (a push, as soon as a change that concerns the host commits) or N seconds pass (304).
/// <c>POST /agent/v1/report</c>: what a pass applied (<see cref="AgentReport"/>), kept in memory, every node's.
/// </summary>
public static class AgentEndpoints
{
    public const string Prefix = "/agent/v1";

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder endpoints)
    {
        var agents = endpoints.MapGroup(Prefix).AllowAnonymous().DisableAntiforgery();
        agents.MapPost("/heartbeat", HeartbeatAsync);
        agents.MapGet("/state", StateAsync);
        agents.MapPost("/report", ReportAsync);
        return endpoints;
    }

    private static async Task<IResult> HeartbeatAsync(HttpContext http, HostTokens tokens, AgentRelay relay, IOptions<HostsOptions> options)
    {
        if (await HostOfAsync(http, tokens) is not { } host)
        {
            return Refused();
        }
        relay.Heard(host);
        return Results.Json(new { host, heartbeat_seconds = options.Value.HeartbeatSeconds });
    }

    public const int MaxWaitSeconds = 60;

    private static async Task<IResult> StateAsync(HttpContext http, HostTokens tokens, HostStates states, HostStateSignals signals, AgentRelay relay, int? wait)
    {
        if (await HostOfAsync(http, tokens) is not { } host)
        {
            return Refused();
        }
        if (wait is < 0 or > MaxWaitSeconds)
        {
            return Results.Json(new { error = $"wait is 0 to {MaxWaitSeconds} seconds" }, statusCode: StatusCodes.Status400BadRequest);
        }
        // An agent asking is an agent alive.
        relay.Heard(host);
        var known = http.Request.Headers.IfNoneMatch.ToString();
        var until = TimeSpan.FromSeconds(wait ?? 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var next = signals.NextAsync(host);
            var state = await states.ServeAsync(host, http.RequestAborted);
            signals.Served(state);
            var (json, etag) = state.Serialized();
            if (etag != known)
            {
                http.Response.Headers.ETag = etag;
                return Results.Bytes(json, "application/json");
            }
            var left = until - clock.Elapsed;
            if (left <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(left, http.RequestAborted)) != next)
            {
                http.Response.Headers.ETag = etag;
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
        }
    }

    private static async Task<IResult> ReportAsync(HttpContext http, HostTokens tokens, AgentRelay relay, ILoggerFactory loggers)
    {
        if (await HostOfAsync(http, tokens) is not { } host)
        {
            return Refused();
        }
        AgentReport? report;
        try
        {
            report = await http.Request.ReadFromJsonAsync<AgentReport>(HostDesiredState.Json, http.RequestAborted);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.Json(new { error = "not a report: " + ex.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
        if (report is null)
        {
            return Results.Json(new { error = "no report" }, statusCode: StatusCodes.Status400BadRequest);
        }
        relay.Reported(host, report);
        var logger = loggers.CreateLogger("NicConsole.Web.Agents");
        foreach (var error in report.Errors)
        {
            logger.LogWarning("Host {Host}'s agent could not apply state {ETag}: {Error}", host, report.ETag, error);
        }
        return Results.Json(new { host, applied = report.ETag });
    }

    /// <summary>The host the request's bearer token belongs to, or null.</summary>
    private static Task<string?> HostOfAsync(HttpContext http, HostTokens tokens)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        return tokens.HostOfAsync(token, http.RequestAborted);
    }

    private static IResult Refused() =>
        Results.Json(new { error = "not a current host agent token (hosts rotate-token NAME gives a new one)" }, statusCode: StatusCodes.Status401Unauthorized);
}
