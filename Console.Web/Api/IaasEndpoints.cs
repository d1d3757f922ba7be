using System.Text.Json;

namespace NicConsole.Web.Api;

public static class IaasEndpoints
{
    private const string RawItem = "iaas.raw";
    private const string TooLargeItem = "iaas.too-large";

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

    public static async Task WriteAsync(HttpContext http, Dictionary<string, object?> reply, CancellationToken cancellationToken)
    {
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
        var reply = await dispatcher.HandleAsync(request.Method.ToUpperInvariant(), request.PathBase + request.Path, raw, IaasRateLimiting.Caller(http), http.RequestAborted);
        await WriteAsync(http, reply, http.RequestAborted);
    }
}
