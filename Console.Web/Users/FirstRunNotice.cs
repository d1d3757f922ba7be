using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NicConsole.Web.Users;

/// <summary>On a start with no user at all, says in the log how to get in: open <c>/setup</c> and enter this start's setup token.</summary>
public sealed class FirstRunNotice(
    UserService users,
    SetupToken token,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<FirstRunNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = TellAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task TellAsync()
    {
        try
        {
            if (await users.AnyAsync())
            {
                return;
            }
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "";
            logger.LogWarning(
                "No user can sign in yet. Open {SetupUrl} and enter the setup token {SetupToken} to create the first administrator " +
                "(or run: dotnet run --project Console.Web -- users add --name NAME --role Admin --tenant default). The token is new at each start.",
                address + "/setup", token.Value);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not check whether any user exists");
        }
    }
}
