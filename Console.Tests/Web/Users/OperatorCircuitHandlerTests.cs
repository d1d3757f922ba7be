using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using NicConsole.Web.Operators;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Users;

/// <summary>A circuit's operator is the signed-in user from the moment the circuit opens, and follows the session after.</summary>
public class OperatorCircuitHandlerTests
{
    private sealed class SessionState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        private Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(user));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;

        public void End()
        {
            _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
            NotifyAuthenticationStateChanged(_state);
        }
    }

    private static ClaimsPrincipal SignedIn(string name, Role role, string tenant) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role.ToString()), new Claim(ConsoleClaims.Tenant, tenant)], "Identity.Application"));

    private static CurrentOperator NewOperator() =>
        new(Microsoft.Extensions.Options.Options.Create(new NicConsole.Domain.Options.NetworkOptions { Zones = ["pek3a"] }));

    [Fact]
    public async Task TheCircuitsOperatorIsTheSignedInUserOnceItOpens()
    {
        var op = NewOperator();
        using var handler = new OperatorCircuitHandler(new SessionState(SignedIn("olga", Role.Operator, "acme")), op);
        op.Context.Role.ShouldBe(Role.Viewer, "nobody is trusted before the circuit opens");

        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);

        op.Context.ShouldBe(new OperationContext("olga", "pek3a", Role.Operator, "acme"));
    }

    [Fact]
    public async Task AnEndedSessionLeavesTheLeastPrivilege()
    {
        var op = NewOperator();
        var session = new SessionState(SignedIn("ada", Role.Admin, "default"));
        using var handler = new OperatorCircuitHandler(session, op);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        op.Role.ShouldBe(Role.Admin);

        session.End();

        await Task.Yield();
        (op.Role, op.Tenant, op.IsSignedIn).ShouldBe((Role.Viewer, "", false));
    }

    [Fact]
    public async Task AnUnknownRoleClaimCountsAsAViewer()
    {
        var op = NewOperator();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, "Root")], "Identity.Application"));
        using var handler = new OperatorCircuitHandler(new SessionState(principal), op);

        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);

        (op.User, op.Role, op.Tenant).ShouldBe(("x", Role.Viewer, ""));
    }
}
