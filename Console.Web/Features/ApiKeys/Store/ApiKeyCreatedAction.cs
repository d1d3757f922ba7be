using NicConsole.Domain.AccessKeys;

namespace NicConsole.Web.Features.ApiKeys.Store;

/// <summary>A key was made; its secret travels only to the page that shows it once, and never into the state or a log.</summary>
public sealed record ApiKeyCreatedAction(CreatedAccessKey Key)
{
    public override string ToString() => $"{nameof(ApiKeyCreatedAction)} {{ AccessKeyId = {Key.AccessKeyId} }}";
}
