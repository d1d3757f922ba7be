using System.Diagnostics;
using System.Text.Json;
using NicConsole.Domain.Telemetry;
using NicConsole.Web.Telemetry;

namespace NicConsole.Web.Api;

public static class IaasEndpoints
{
    private const string RawItem = "iaas.raw";
    private const string TooLargeItem = "iaas.too-large";
    private const string StartedItem = "iaas.started";
    private const string ResponseSuffix = "Response";

    private static readonly JsonSerializerOptions Json = new();

    /// <summary>
    /// Serves the API on <c>/iaas/</c> (Python SDK, CLI) and <c>/iaas</c> (Go SDK), GET and form POST. Every
    /// answer is HTTP 200 with exactly <c>application/json</c>, since the official clients read nothing else.
    /// </summary>
    public static IEndpointRouteBuilder MapIaas(this IEndpointRouteBuilder endpoints)
    {
        // One route answers both: routing ignores a trailing slash, and the signature uses the path as received.
        endpoints.MapMethods("/iaas", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .DisableAntiforgery()
            .RequireRateLimiting(IaasRateLimiting.Policy);
        return endpoints;
    }

    /// <summary>
    /// The call's raw parameters: the query string, or the form body of a POST (read once per request, and never more
    /// than <see cref="IaasLimits.MaxParameterBytes"/>); null for a call past that limit, which <see cref="TooLarge"/> names.
    /// </summary>
    public static async Task<string?> RawParametersAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(RawItem, out var cached))
        {
            return (string?)cached;
        }
        http.Items[StartedItem] = Stopwatch.GetTimestamp();
        var request = http.Request;
        var raw = request.QueryString.Value;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body);
            var buffer = new char[IaasLimits.MaxParameterBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, http.RequestAborted);
            raw = new string(buffer, 0, read);
        }
        if (raw is { Length: > IaasLimits.MaxParameterBytes })
        {
            // Only the action is read from it, for the answer's name.
            http.Items[TooLargeItem] = ActionOf(raw);
            raw = null;
        }
        http.Items[RawItem] = raw;
        return raw;
    }

    /// <summary>Whether the call's parameters were past <see cref="IaasLimits.MaxParameterBytes"/>.</summary>
    public static bool TooLarge(HttpContext http) => http.Items.ContainsKey(TooLargeItem);

    /// <summary>The action a call names, read without anything else (for the name of an answer that refuses it whole).</summary>
    public static string? ActionOf(string? raw)
    {
        try
        {
            return IaasParameters.Parse(raw).Optional("action");
        }
        catch (IaasException)
        {
            return null; // a call that malformed gets its answer without a name
        }
    }

    private static string? TooLargeAction(HttpContext http) => http.Items.TryGetValue(TooLargeItem, out var action) ? action as string : null;

    /// <summary>
    /// Writes an answer, and measures the call by its action (a known one, else <see cref="WebMetrics.UnknownAction"/>)
    /// and <c>ret_code</c>; the request's span takes the same names, and a refusal is logged with the request id.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, Dictionary<string, object?> reply, CancellationToken cancellationToken)
    {
        var named = reply.GetValueOrDefault("action") is string response && response.EndsWith(ResponseSuffix, StringComparison.Ordinal)
            ? response[..^ResponseSuffix.Length]
            : null;
        var action = named is not null && http.RequestServices.GetRequiredService<IaasActions>().Find(named) is not null ? named : WebMetrics.UnknownAction;
        var retCode = reply.TryGetValue("ret_code", out var code) && code is int number ? number : (int)RetCode.InternalError;
        var started = http.Items.TryGetValue(StartedItem, out var at) && at is long timestamp ? timestamp : Stopwatch.GetTimestamp();
        http.RequestServices.GetRequiredService<WebMetrics>().ApiCall(action, retCode, Stopwatch.GetElapsedTime(started));
        if (Activity.Current is { } span)
        {
            span.DisplayName = "iaas " + action;
            span.SetTag("api.action", action).SetTag("api.ret_code", retCode);
        }
        if (retCode != 0)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IaasEndpoints)).LogInformation(
                "API action {Action} refused with ret_code {RetCode}: {Message} (request id {RequestId})",
                action, retCode, reply.GetValueOrDefault("message"), Activity.Current?.Id ?? http.TraceIdentifier);
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, reply, Json, cancellationToken);
    }

    private static async Task HandleAsync(HttpContext http, IaasDispatcher dispatcher)
    {
        var request = http.Request;
        var raw = await RawParametersAsync(http);
        if (TooLarge(http))
        {
            await WriteAsync(http, IaasDispatcher.Error(TooLargeAction(http), DomainErrors.RequestTooLarge(IaasLimits.MaxParameterBytes)), http.RequestAborted);
            return;
        }
        // The call's own span, whatever the host's instrumentation: the use case, the database and the job hang below it.
        using var span = ConsoleTelemetry.Source.StartActivity("iaas");
        var reply = await dispatcher.HandleAsync(request.Method.ToUpperInvariant(), request.PathBase + request.Path, raw, IaasRateLimiting.Caller(http), http.RequestAborted);
        await WriteAsync(http, reply, http.RequestAborted);
    }
}
