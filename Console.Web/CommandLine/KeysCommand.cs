using Microsoft.Extensions.Options;
using NicConsole.Domain.AccessKeys;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;

namespace NicConsole.Web.CommandLine;

/// <summary>
/// <c>keys create [--user NAME]</c>, <c>keys list</c> and <c>keys revoke ID</c>: API keys from the command line,
/// so scripts and CI can bootstrap without the web server. <c>create</c> prints exactly two lines; the user must exist
/// (<c>users add</c>), and the key acts as that user, with their role and tenant.
/// </summary>
public static class KeysCommand
{
    public const string DefaultUser = "admin";

    public static bool Handles(string[] args) => args is ["keys", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var initializer = services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.MigrateAsync(CancellationToken.None);
        var keys = services.GetRequiredService<AccessKeyService>();
        var context = OperationContext.System("command-line", services.GetRequiredService<IOptions<NetworkOptions>>().Value.DefaultZone);
        switch (args)
        {
            case ["keys", "create"]:
                return await CreateAsync(keys, context, DefaultUser, output, error);
            case ["keys", "create", "--user", var user]:
                return await CreateAsync(keys, context, user, output, error);
            case ["keys", "list"]:
                foreach (var key in await keys.ListAsync(context))
                {
                    await output.WriteLineAsync($"{key.Id}  {key.User}  {key.CreateTime:yyyy-MM-dd HH:mm}Z  {(key.IsActive ? "active" : "revoked")}");
                }
                return 0;
            case ["keys", "revoke", var id]:
                var revoked = await keys.RevokeAsync(context, id);
                await (revoked.Succeeded ? output.WriteLineAsync($"revoked: {id}") : error.WriteLineAsync(revoked.Error!.EnglishMessage));
                return revoked.Succeeded ? 0 : 1;
            default:
                await error.WriteLineAsync("usage: keys create [--user NAME] | keys list | keys revoke ACCESS_KEY_ID");
                return 2;
        }
    }

    private static async Task<int> CreateAsync(AccessKeyService keys, OperationContext context, string user, TextWriter output, TextWriter error)
    {
        var created = await keys.CreateAsync(context, user, "created on the command line");
        if (!created.Succeeded)
        {
            await error.WriteLineAsync(created.Error!.EnglishMessage);
            return 1;
        }
        await output.WriteLineAsync($"access_key_id: {created.Value.AccessKeyId}");
        await output.WriteLineAsync($"secret_access_key: {created.Value.SecretAccessKey}");
        return 0;
    }
}
