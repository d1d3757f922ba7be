namespace NicConsole.Web.Features.ApiKeys.Store;

public sealed record CreateApiKeyAction(string Description);
