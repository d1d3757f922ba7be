using System.Globalization;
using Microsoft.Extensions.Options;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Options;

namespace NicConsole.Web.Api;

/// <summary>
/// One API call from raw parameters to reply: parse, signature (1200), time (1300), action and zone (1100), a change's
/// req_id (sent before: the first answer again), then the action, which calls the same use cases as the console. Every
/// outcome is a JSON object.
/// </summary>
public sealed class IaasDispatcher(
    IaasActions actions,
    AccessKeyService keys,
    IServiceProvider services,
    IOptionsMonitor<ApiOptions> apiOptions,
    IOptionsMonitor<NetworkOptions> networkOptions,
    TimeProvider time,
    RequestIdempotency idempotency,
    Telemetry.WebMetrics metrics,
    ILogger<IaasDispatcher> logger)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <param name="caller">
    /// The call as the rate limiter already parsed and verified it on this request (its signer, or why it has none), so
    /// that no call is parsed or looked up twice; null where no limiter ran.
    /// </param>
    public async Task<Dictionary<string, object?>> HandleAsync(string httpMethod, string path, string? rawParameters, IaasCaller? caller, CancellationToken cancellationToken)
    {
        string? action = null;
        FirstSending? first = null;
        try
        {
            caller ??= await IdentifyAsync(httpMethod, path, rawParameters, cancellationToken);
            action = caller.Action;
            if (caller.Refusal is { } refusal)
            {
                throw new IaasException(refusal);
            }
            var (parameters, owner) = (caller.Parameters!, caller.Owner!);
            var window = CheckTime(parameters);
            var handler = actions.Find(parameters.Required("action")) ?? throw new IaasException(DomainErrors.UnknownAction(action!));
            var zone = parameters.Required("zone");
            if (!networkOptions.CurrentValue.EffectiveZones.Contains(zone))
            {
                throw new IaasException(DomainErrors.UnknownZone(zone));
            }
            if (RequestIdempotency.Applies(action!) && parameters.Optional("req_id") is { } requestId)
            {
                var keyId = parameters.Required("access_key_id");
                var (outcome, answer) = await idempotency.BeginAsync(keyId, requestId, parameters, window, cancellationToken);
                switch (outcome)
                {
                    case RequestIdempotency.Outcome.Answered:
                        return answer!;
                    case RequestIdempotency.Outcome.InProgress:
                        metrics.ReplayRefused("in_progress");
                        throw new IaasException(DomainErrors.RequestInProgress(requestId));
                    case RequestIdempotency.Outcome.Reused:
                        metrics.ReplayRefused("reused");
                        throw new IaasException(DomainErrors.RequestIdReused(requestId));
                }
                first = new FirstSending(keyId, requestId, parameters, window);
            }
            var reply = await handler(new IaasRequest(parameters, new OperationContext(owner.User, zone, owner.Role, owner.Tenant), services, cancellationToken));
            reply["action"] = action + "Response";
            reply["ret_code"] = 0;
            await RememberAsync(first, reply, null);
            return reply;
        }
        catch (IaasException ex)
        {
            var reply = Error(action ?? ex.Action, ex.Error);
            await RememberAsync(first, reply, ex.Error);
            return reply;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "API action {Action} failed", action);
            await RememberAsync(first, null, DomainErrors.Internal());
            return Error(action, DomainErrors.Internal());
        }
    }

    /// <summary>The first sending of a change with a req_id, whose answer is kept for the ones after it.</summary>
    private sealed record FirstSending(string KeyId, string RequestId, IaasParameters Parameters, TimeSpan Window);

    /// <summary>
    /// Keeps a first sending's answer (success or refusal: either way the next sending gets it). 5000 and 5100 promise
    /// that nothing changed and the Python SDK retries them, so those are forgotten and the retry is carried out.
    /// </summary>
    private async Task RememberAsync(FirstSending? first, Dictionary<string, object?>? reply, DomainError? error)
    {
        if (first is null)
        {
            return;
        }
        if (reply is null || error?.Code is RetCode.InternalError or RetCode.ServerBusy)
        {
            await idempotency.ForgetAsync(first.KeyId, first.RequestId);
            return;
        }
        await idempotency.CompleteAsync(first.KeyId, first.RequestId, first.Parameters, reply, first.Window);
    }

    /// <summary>
    /// The call parsed and its signature checked, once (one key lookup): its action and, when the signature holds, who
    /// signs it (the rate limiter partitions by the key), else why not. The call itself then takes all of it from here.
    /// </summary>
    public async Task<IaasCaller> IdentifyAsync(string httpMethod, string path, string? rawParameters, CancellationToken cancellationToken)
    {
        IaasParameters parameters;
        try
        {
            parameters = IaasParameters.Parse(rawParameters);
        }
        catch (IaasException ex)
        {
            return new IaasCaller(null, ex.Action, null, ex.Error);
        }
        var action = parameters.Optional("action");
        try
        {
            return new IaasCaller(parameters, action, await AuthenticateAsync(parameters, httpMethod, path, cancellationToken), null);
        }
        catch (IaasException ex)
        {
            return new IaasCaller(parameters, action, null, ex.Error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "API action {Action}: the signer could not be found", action);
            return new IaasCaller(parameters, action, null, DomainErrors.Internal());
        }
    }

    public static Dictionary<string, object?> Error(string? action, DomainError error)
    {
        var reply = new Dictionary<string, object?> { ["ret_code"] = (int)error.Code, ["message"] = error.ApiMessage };
        if (action is not null)
        {
            reply["action"] = action + "Response";
        }
        return reply;
    }

    private async Task<KeyOwner> AuthenticateAsync(IaasParameters parameters, string httpMethod, string path, CancellationToken cancellationToken)
    {
        var keyId = parameters.Optional("access_key_id") ?? throw new IaasException(DomainErrors.MissingCredential("access_key_id"));
        var signature = parameters.Optional("signature") ?? throw new IaasException(DomainErrors.MissingCredential("signature"));
        var method = parameters.Optional("signature_method") ?? "";
        if (!SignatureVerifier.IsSupported(method))
        {
            throw new IaasException(DomainErrors.UnsupportedSignature("signature_method", method));
        }
        if (parameters.Optional("signature_version") is not "1")
        {
            throw new IaasException(DomainErrors.UnsupportedSignature("signature_version", parameters.Optional("signature_version") ?? ""));
        }
        var found = await keys.FindActiveAsync(keyId, cancellationToken);
        var key = found.Succeeded ? found.Value : throw new IaasException(found.Error!);
        var expected = SignatureVerifier.Sign(key.Secret, method, SignatureVerifier.StringToSign(httpMethod, path, parameters.Raw));
        if (!SignatureVerifier.Matches(expected, signature))
        {
            throw new IaasException(DomainErrors.SignatureMismatch());
        }
        return key;
    }

    /// <summary>Refuses an expired call (1300); returns how long it stays valid, the time its signature is remembered.</summary>
    private TimeSpan CheckTime(IaasParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var timeStamp = ParseTime(parameters, "time_stamp") ?? throw new IaasException(DomainErrors.Required("time_stamp"));
        if (ParseTime(parameters, "expires") is { } expires)
        {
            if (expires < now)
            {
                throw new IaasException(DomainErrors.RequestExpired(parameters.Required("expires")));
            }
            var maxAhead = apiOptions.CurrentValue.MaxExpiresSeconds;
            if ((expires - now).TotalSeconds > maxAhead)
            {
                throw new IaasException(DomainErrors.ExpiresTooFar(parameters.Required("expires"), maxAhead));
            }
            return expires - now + TimeSpan.FromSeconds(1);
        }
        var tolerance = apiOptions.CurrentValue.TimeToleranceSeconds;
        if (Math.Abs((now - timeStamp).TotalSeconds) > tolerance)
        {
            throw new IaasException(DomainErrors.ClockSkew(parameters.Required("time_stamp"), tolerance));
        }
        return timeStamp.AddSeconds(tolerance) - now + TimeSpan.FromSeconds(1);
    }

    private static DateTime? ParseTime(IaasParameters parameters, string name) => parameters.Optional(name) switch
    {
        null => null,
        var text when DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) => value,
        var text => throw new IaasException(DomainErrors.InvalidValue(name, text)),
    };
}

/// <summary>
/// One API call as found once per request: its parameters and action, and who signs it (<see cref="Owner"/>, the
/// signature held) or why it cannot be served (<see cref="Refusal"/>: unparsable, unsigned, unknown key, bad signature).
/// </summary>
public sealed record IaasCaller(IaasParameters? Parameters, string? Action, KeyOwner? Owner, DomainError? Refusal)
{
    /// <summary>The access key whose signature holds, which the rate limiter partitions by; null for any other call.</summary>
    public string? KeyId => Owner is null ? null : Parameters?.Optional("access_key_id");
}
