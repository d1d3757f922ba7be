using System.Globalization;
using Microsoft.Extensions.Options;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Options;

namespace NicConsole.Web.Api;

/// <summary>
/// One API call from raw parameters to reply: parse, signature (1200), time (1300), action and zone (1100),
/// then the action, which calls the same domain service as the console. Every outcome is a JSON object.
/// </summary>
public sealed class IaasDispatcher(
    IaasActions actions,
    AccessKeyService keys,
    INetworkService network,
    IOptionsMonitor<ApiOptions> apiOptions,
    IOptionsMonitor<NetworkOptions> networkOptions,
    TimeProvider time,
    ILogger<IaasDispatcher> logger)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public async Task<Dictionary<string, object?>> HandleAsync(string httpMethod, string path, string? rawParameters, CancellationToken cancellationToken)
    {
        string? action = null;
        try
        {
            var parameters = IaasParameters.Parse(rawParameters);
            action = parameters.Optional("action");
            var owner = await AuthenticateAsync(parameters, httpMethod, path, cancellationToken);
            CheckTime(parameters);
            var handler = actions.Find(parameters.Required("action")) ?? throw new IaasException(DomainErrors.UnknownAction(action!));
            var zone = parameters.Required("zone");
            if (!networkOptions.CurrentValue.EffectiveZones.Contains(zone))
            {
                throw new IaasException(DomainErrors.UnknownZone(zone));
            }
            var reply = await handler(new IaasRequest(parameters, new OperationContext(owner.User, zone, owner.Role, owner.Tenant), network, cancellationToken));
            reply["action"] = action + "Response";
            reply["ret_code"] = 0;
            return reply;
        }
        catch (IaasException ex)
        {
            return Error(action, ex.Error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "API action {Action} failed", action);
            return Error(action, DomainErrors.Internal());
        }
    }

    private static Dictionary<string, object?> Error(string? action, DomainError error)
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

    private void CheckTime(IaasParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var timeStamp = ParseTime(parameters, "time_stamp") ?? throw new IaasException(DomainErrors.Required("time_stamp"));
        if (ParseTime(parameters, "expires") is { } expires)
        {
            if (expires < now)
            {
                throw new IaasException(DomainErrors.RequestExpired(parameters.Required("expires")));
            }
            return;
        }
        var tolerance = apiOptions.CurrentValue.TimeToleranceSeconds;
        if (Math.Abs((now - timeStamp).TotalSeconds) > tolerance)
        {
            throw new IaasException(DomainErrors.ClockSkew(parameters.Required("time_stamp"), tolerance));
        }
    }

    private static DateTime? ParseTime(IaasParameters parameters, string name) => parameters.Optional(name) switch
    {
        null => null,
        var text when DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value) => value,
        var text => throw new IaasException(DomainErrors.InvalidValue(name, text)),
    };
}
