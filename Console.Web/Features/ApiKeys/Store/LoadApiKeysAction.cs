namespace NicConsole.Web.Features.ApiKeys.Store;

public sealed record LoadApiKeysAction;
