namespace NicConsole.Web.Features.ApiKeys.Store;

public sealed record ApiKeyRevokedAction(string AccessKeyId);
