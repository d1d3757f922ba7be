namespace NicConsole.Web.Api;

/// <summary>A request the API refuses before or while it reaches the domain; answered in the API's error shape.</summary>
public sealed class IaasException(DomainError error) : Exception(error.ApiMessage)
{
    public DomainError Error { get; } = error;
}
