using System.Globalization;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;

namespace NicConsole.Web.CommandLine;

/// <summary>
/// <c>hosts add --name h2 --zone pek3a --underlay 192.0.2.12 [--servers N] [--nics N]</c> (prints the agent's token
/// once), <c>hosts list</c>, <c>hosts drain|undrain|remove|rotate-token NAME</c>: the hypervisor hosts, as an Admin
/// manages them on the hosts page, without the web server.
/// </summary>
public static class HostsCommand
{
    private const string Usage =
        "usage: hosts add --name NAME --zone ZONE --underlay IPv4 [--servers N] [--nics N] | hosts set NAME [--underlay IPv4] [--servers N] [--nics N] | hosts list | hosts drain|undrain|remove|rotate-token NAME";

    public static bool Handles(string[] args) => args is ["hosts", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var initializer = services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single();
        await initializer.MigrateAsync(CancellationToken.None);
        var zone = services.GetRequiredService<IOptions<NetworkOptions>>().Value.DefaultZone;
        var context = OperationContext.System("command-line", zone);
        switch (args)
        {
            case ["hosts", "add", .. var options]:
                return await AddAsync(services.GetRequiredService<RegisterHost>(), context, options, output, error);
            case ["hosts", "set", var name, .. var options] when !name.StartsWith("--", StringComparison.Ordinal):
                return await SetAsync(services.GetRequiredService<ModifyHost>(), context, name, options, output, error);
            case ["hosts", "list"]:
                var hosts = await services.GetRequiredService<HostQueries>().ListAsync(context);
                await output.WriteLineAsync($"{"NAME",-12} {"ZONE",-8} {"UNDERLAY",-15} {"STATUS",-9} {"SERVERS",-13} NICS");
                foreach (var h in hosts.Value)
                {
                    await output.WriteLineAsync($"{h.Name,-12} {h.Zone,-8} {h.Underlay,-15} {h.Status.ApiName(),-9} {$"{h.Servers}/{h.MaxServers}",-13} {h.Nics}/{h.MaxNics}");
                }
                return 0;
            case ["hosts", "drain" or "undrain", var name]:
                return await ReportAsync(await services.GetRequiredService<DrainHost>().RunAsync(context, name, args[1] == "drain"), $"{args[1]}ed: {name}", output, error);
            case ["hosts", "remove", var name]:
                return await ReportAsync(await services.GetRequiredService<RemoveHost>().RunAsync(context, name), $"removed: {name}", output, error);
            case ["hosts", "rotate-token", var name]:
                var rotated = await services.GetRequiredService<RotateHostToken>().RunAsync(context, name);
                return await ReportAsync(rotated, rotated.Succeeded ? $"token: {rotated.Value}" : "", output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> SetAsync(ModifyHost modify, OperationContext context, string name, string[] options, TextWriter output, TextWriter error)
    {
        var given = await OptionsAsync(options, ["--underlay", "--servers", "--nics"], error);
        if (given is null || given.Count == 0)
        {
            await error.WriteLineAsync(given is null ? Usage : "hosts set needs --underlay, --servers or --nics. " + Usage);
            return 2;
        }
        var changed = await modify.RunAsync(context, new ModifyHost.Request(name, given.GetValueOrDefault("--underlay"), Number(given, "--servers"), Number(given, "--nics")));
        return await ReportAsync(changed, $"changed: {name}", output, error);
    }

    /// <summary>Pairs of <c>--option value</c>, each known and given once, numbers whole; null (said on <paramref name="error"/>) otherwise.</summary>
    private static async Task<Dictionary<string, string>?> OptionsAsync(string[] options, string[] known, TextWriter error)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Length; i += 2)
        {
            if (i + 1 >= options.Length || !known.Contains(options[i]) || !given.TryAdd(options[i], options[i + 1]))
            {
                return null;
            }
        }
        foreach (var option in new[] { "--servers", "--nics" })
        {
            if (given.TryGetValue(option, out var text) && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                await error.WriteLineAsync($"{option} takes a whole number, not [{text}]");
                return null;
            }
        }
        return given;
    }

    /// <summary>A number option's value (<see cref="OptionsAsync"/> checked it is one), or null when not given.</summary>
    private static int? Number(Dictionary<string, string> given, string option) =>
        given.TryGetValue(option, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static async Task<int> AddAsync(RegisterHost register, OperationContext context, string[] options, TextWriter output, TextWriter error)
    {
        var given = await OptionsAsync(options, ["--name", "--zone", "--underlay", "--servers", "--nics"], error);
        if (given is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!given.TryGetValue("--name", out var name) || !given.TryGetValue("--underlay", out var underlay))
        {
            await error.WriteLineAsync("hosts add needs --name and --underlay. " + Usage);
            return 2;
        }
        var request = new RegisterHost.Request(name, given.GetValueOrDefault("--zone") ?? context.Zone, underlay,
            Number(given, "--servers") ?? Hypervisor.DefaultMaxServers, Number(given, "--nics") ?? Hypervisor.DefaultMaxNics);
        var registered = await register.RunAsync(context, request);
        if (!registered.Succeeded)
        {
            await error.WriteLineAsync(registered.Error!.EnglishMessage);
            return 1;
        }
        await output.WriteLineAsync($"host: {registered.Value.Name}");
        await output.WriteLineAsync($"token: {registered.Value.Token}");
        await error.WriteLineAsync("The token is shown only now; the host is offline until its agent reports with it.");
        return 0;
    }

    private static async Task<int> ReportAsync<T>(Result<T> result, string done, TextWriter output, TextWriter error)
    {
        await (result.Succeeded ? output.WriteLineAsync(done) : error.WriteLineAsync(result.Error!.EnglishMessage));
        return result.Succeeded ? 0 : 1;
    }
}
