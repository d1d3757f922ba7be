namespace NicConsole.Web.Api;

/// <summary>A request the API refuses before or while it reaches the domain; answered in the API's error shape.</summary>
public sealed class IaasException(DomainError error) : Exception(error.ApiMessage)
{
    public DomainError Error { get; } = error;

    /// <summary>The action the request names, when it is known even though the request could not be read.</summary>
    public string? Action { get; init; }
}
