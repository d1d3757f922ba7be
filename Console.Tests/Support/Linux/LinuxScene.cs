using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.DataPlane.Linux;

namespace NicConsole.Tests.Support.Linux;

/// <summary>
/// The domain on the real Linux data plane, under a prefix of its own: jobs run when the test runs them, as in
/// <see cref="DomainHarness"/>. Starting it runs one reconcile pass (as the console does before its job worker), so the
/// basic network's router exists. Disposing it deletes every namespace of its prefix.
/// </summary>
public sealed class LinuxScene : IAsyncDisposable
{
    private LinuxScene(DomainHarness harness, string prefix)
    {
        H = harness;
        Prefix = prefix;
        Names = new LinuxNames(prefix);
    }

    public DomainHarness H { get; }

    public string Prefix { get; }

    public LinuxNames Names { get; }

    public LinuxDataPlane DataPlane => (LinuxDataPlane)H.Get<IDataPlane>();

    public static async Task<LinuxScene> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var prefix = LinuxNamespaces.NewPrefix();
        var values = new Dictionary<string, string?> { ["DataPlane:Driver"] = "Linux", ["DataPlane:Prefix"] = prefix };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var harness = new DomainHarness(values);
        var scene = new LinuxScene(harness, prefix);
        try
        {
            await harness.InitializeAsync();
            await scene.ReconcileAsync();
            return scene;
        }
        catch
        {
            await scene.DisposeAsync();
            throw;
        }
    }

    public Task<ReconcileReport> ReconcileAsync(bool apply = true) => H.Get<Reconciler>().RunAsync(apply, CancellationToken.None);

    public string Space(string serverId) => Names.Server(serverId);

    /// <summary><c>ip -n server -json addr show dev device</c>: the one link, or null when it does not exist.</summary>
    public JsonElement? Link(string serverId, string device)
    {
        var (code, output, _) = LinuxNamespaces.Run("ip", "-n", Space(serverId), "-json", "addr", "show", "dev", device);
        return code == 0 ? JsonDocument.Parse(output).RootElement[0] : null;
    }

    /// <summary>The IPv4 addresses of a link as <c>a.b.c.d/len</c>.</summary>
    public static IReadOnlyList<string> Addresses(JsonElement link) =>
        link.GetProperty("addr_info").EnumerateArray().Where(a => a.GetProperty("family").GetString() == "inet")
            .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}").ToList();

    /// <summary>Whether a link (from <see cref="Link"/>) is set up (its flags carry UP).</summary>
    public static bool IsUp(JsonElement link) => link.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "UP");

    public bool Ping(string fromServerId, string address) => LinuxNamespaces.Ping(Space(fromServerId), address);

    /// <summary>The address of a server's <c>eth{sequence}</c>, from the database.</summary>
    public async Task<string> AddressAsync(string serverId, int sequence = 0)
    {
        await using var db = H.Db();
        var nics = await db.Nics.AsNoTracking().Where(n => n.InstanceId == serverId).ToListAsync();
        return nics.Single(n => n.Sequence == sequence).PrivateIp.ToString();
    }

    /// <summary>The links of a namespace by name (<c>ip -n ns -json link show</c>); empty when it does not exist.</summary>
    public static IReadOnlyList<string> LinkNames(string space)
    {
        var (code, output, _) = LinuxNamespaces.Run("ip", "-n", space, "-json", "link", "show");
        return code == 0 ? JsonDocument.Parse(output).RootElement.EnumerateArray().Select(l => l.GetProperty("ifname").GetString()!).ToList() : [];
    }

    public IReadOnlyList<string> HostLinks => LinkNames(Names.Host);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await H.DisposeAsync();
        }
        finally
        {
            LinuxNamespaces.DeleteAll(Prefix);
        }
    }
}
