using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Users;

/// <summary>
/// Fills the circuit's <see cref="CurrentOperator"/> from the signed-in user when the circuit opens, before any page
/// renders (so before any effect runs), and again whenever the authentication state changes (a session that ends).
/// </summary>
public sealed class OperatorCircuitHandler(AuthenticationStateProvider authentication, CurrentOperator @operator) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        @operator.Use((await authentication.GetAuthenticationStateAsync()).User);
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            @operator.Use((await state).User);
        }
        catch (Exception)
        {
            @operator.Use(new System.Security.Claims.ClaimsPrincipal());
        }
    }
}
