using Microsoft.Extensions.Options;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;

namespace NicConsole.Web.Agents;

/// <summary>
/// What a host's agent calls, and nothing else it may call: it proves itself with its host's token
/// (<c>Authorization: Bearer h2.…</c>), never a user's session or an API key, and every answer concerns that host only.
/// <c>POST /agent/v1/heartbeat</c>: the host is alive (kept in memory; the database hears only of a change of status).
/// </summary>
public static class AgentEndpoints
{
    public const string Prefix = "/agent/v1";

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder endpoints)
    {
        var agents = endpoints.MapGroup(Prefix).AllowAnonymous().DisableAntiforgery();
        agents.MapPost("/heartbeat", HeartbeatAsync);
        return endpoints;
    }

    private static async Task<IResult> HeartbeatAsync(HttpContext http, HostTokens tokens, HostLiveness liveness, IOptions<HostsOptions> options)
    {
        if (await HostOfAsync(http, tokens) is not { } host)
        {
            return Refused();
        }
        liveness.Heard(host);
        return Results.Json(new { host, heartbeat_seconds = options.Value.HeartbeatSeconds });
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
