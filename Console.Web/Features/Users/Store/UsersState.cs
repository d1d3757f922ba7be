using System.Collections.Immutable;
using NicConsole.Web.Flux;
using NicConsole.Web.Users;

namespace NicConsole.Web.Features.Users.Store;

/// <summary>The users as listed, and the one the toolbar acts on (never a password: a new one is shown by the page once, from its action).</summary>
[FeatureState]
public sealed record UsersState
{
    public UsersState()
    {
    }

    public ImmutableList<UserView> Items { get; init; } = [];
    public string? Selected { get; init; }
    public bool IsLoading { get; init; }
    public string? ErrorMessage { get; init; }
}
