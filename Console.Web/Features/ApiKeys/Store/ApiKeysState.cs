using System.Collections.Immutable;
using NicConsole.Domain.AccessKeys;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.ApiKeys.Store;

/// <summary>The API keys as listed (never a secret: a new one is shown by the page once, from its action).</summary>
[FeatureState]
public sealed record ApiKeysState
{
    public ApiKeysState()
    {
    }

    public ImmutableList<AccessKey> Keys { get; init; } = [];
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
