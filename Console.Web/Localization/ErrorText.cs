using Microsoft.Extensions.Localization;

namespace NicConsole.Web.Localization;

/// <summary>Domain refusals in the operator's language, through the same localizer machinery as the console's text.</summary>
public sealed class ErrorText(ILoggerFactory loggers)
{
    private readonly IStringLocalizer _localizer = new ResourceManagerStringLocalizer(
        DomainError.Messages, typeof(DomainError).Assembly, DomainError.Messages.BaseName, new ResourceNamesCache(), loggers.CreateLogger<ErrorText>());

    public string this[DomainError error] => _localizer[error.Key, error.Args];

}
