using Microsoft.Extensions.Options;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Web.Users;

namespace NicConsole.Web.CommandLine;

/// <summary>
/// <c>users add --name NAME --role Admin|Operator|Viewer --tenant TENANT [--password-stdin]</c> and <c>users list</c>:
/// users from the command line, without the web server. <c>add</c> prints the generated password once, unless the
/// password comes on standard input.
/// </summary>
public static class UsersCommand
{
    public const string Usage = "usage: users add --name NAME --role Admin|Operator|Viewer --tenant TENANT [--password-stdin] | users list";

    public static bool Handles(string[] args) => args is ["users", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var initializer = services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.MigrateAsync(CancellationToken.None);
        var users = services.GetRequiredService<UserService>();
        var context = OperationContext.System("command-line", services.GetRequiredService<IOptions<NetworkOptions>>().Value.DefaultZone);
        switch (args)
        {
            case ["users", "list"]:
                var listed = await users.ListAsync(context);
                foreach (var user in listed.Value)
                {
                    await output.WriteLineAsync($"{user.Name}  {user.Role}  {user.Tenant}  {(user.IsDisabled ? "locked" : user.IsLocked ? "locked-out" : "active")}");
                }
                return 0;
            case ["users", "add", .. var options] when Parse(options) is { } add:
                string? password = null;
                if (add.PasswordFromStdin)
                {
                    password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
                    if (string.IsNullOrEmpty(password))
                    {
                        await error.WriteLineAsync("--password-stdin: no password on standard input");
                        return 2;
                    }
                }
                var created = await users.CreateAsync(context, new NewUser(add.Name, add.Role, add.Tenant, password));
                if (!created.Succeeded)
                {
                    await error.WriteLineAsync(created.Error!.EnglishMessage);
                    return 1;
                }
                await output.WriteLineAsync($"user: {add.Name} ({add.Role}, tenant {add.Tenant})");
                if (!add.PasswordFromStdin)
                {
                    await output.WriteLineAsync($"password: {created.Value}");
                }
                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static AddOptions? Parse(string[] options)
    {
        string? name = null, tenant = null;
        Role? role = null;
        var stdin = false;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--name" when i + 1 < options.Length:
                    name = options[++i];
                    break;
                case "--tenant" when i + 1 < options.Length:
                    tenant = options[++i];
                    break;
                case "--role" when i + 1 < options.Length && Enum.TryParse<Role>(options[i + 1], ignoreCase: true, out var parsed) && Enum.IsDefined(parsed):
                    role = parsed;
                    i++;
                    break;
                case "--password-stdin":
                    stdin = true;
                    break;
                default:
                    return null;
            }
        }
        return name is null || role is null ? null : new AddOptions(name, role.Value, tenant ?? OperationContext.DefaultTenant, stdin);
    }

    private sealed record AddOptions(string Name, Role Role, string Tenant, bool PasswordFromStdin);
}
