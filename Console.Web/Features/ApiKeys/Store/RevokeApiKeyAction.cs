namespace NicConsole.Web.Features.ApiKeys.Store;

public sealed record RevokeApiKeyAction(string AccessKeyId);
