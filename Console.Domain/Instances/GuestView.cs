using System.Net;
using System.Text;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Instances;

/// <summary>
/// What a server's guest sees of its NICs: <c>ifconfig</c> blocks, the <c>route -n</c> table (the default
/// route through eth0's gateway, one connected route per NIC) and the netplan that brings a secondary NIC up.
/// A pure function of the server's attached NICs and their subnets (<see cref="Of"/>), or of what the server's kernel
/// has, compared with them (<see cref="FromKernel"/>).
/// </summary>
public sealed class GuestView
{
    private readonly IReadOnlyList<GuestRoute>? _routes;

    private GuestView(IReadOnlyList<GuestInterface> interfaces, IReadOnlyList<GuestRoute>? routes = null,
        GuestSource source = GuestSource.Database, IReadOnlyList<GuestDrift>? drift = null)
    {
        Interfaces = interfaces;
        _routes = routes;
        Source = source;
        Drift = drift ?? [];
    }

    public IReadOnlyList<GuestInterface> Interfaces { get; }

    public GuestSource Source { get; }

    /// <summary>How the kernel differs from the database; always empty for a view rendered from the database.</summary>
    public IReadOnlyList<GuestDrift> Drift { get; }

    /// <summary>Interfaces whose subnet another interface also has: the console warns of asymmetric routing.</summary>
    public IReadOnlyList<string> SharedSubnetInterfaces =>
        Interfaces.GroupBy(i => i.Subnet).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)).Select(i => i.Name).ToList();

    /// <summary>The guest as the database says it is; <paramref name="mtu"/> is its host's NIC MTU (less across hosts).</summary>
    public static GuestView Of(InstanceView instance, int mtu = GuestInterface.EthernetMtu) => new(instance.Nics
        .Where(n => n.Status == NicStatus.InUse && n.Subnet is not null)
        .OrderBy(n => n.Sequence)
        .Select(n => new GuestInterface($"eth{n.Sequence}", n.NicId, n.PrivateIp, n.Subnet!.Value, n.Gateway, Mtu: mtu))
        .ToList());

    /// <summary>
    /// The guest as <paramref name="kernel"/> has it (its links and addresses, its routes), with each difference from
    /// what the database says of <paramref name="instance"/>; a server with no namespace has nothing to read, which is
    /// drift only while it runs. <paramref name="source"/>: read here, or reported by the agent of the server's host.
    /// </summary>
    public static GuestView FromKernel(InstanceView instance, GuestKernelState? kernel, GuestSource source = GuestSource.Kernel)
    {
        var expected = Of(instance).Interfaces;
        var running = instance.Status == InstanceStatus.Running;
        if (kernel is null)
        {
            return running ? new([], [], source, [new GuestDrift(GuestDriftKind.NoNamespace, "")]) : Of(instance);
        }
        var links = kernel.Links.Where(l => l.Name != "lo").OrderBy(l => l.Name.Length).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        var interfaces = links.SelectMany(link => link.Addresses.Select((address, n) => Interface(link, address, n, kernel.Routes))
            .OfType<GuestInterface>()).ToList();
        return new(interfaces, kernel.Routes, source, Compare(expected, links, running));
    }

    /// <summary>What differs between the interfaces the database expects and the kernel's links.</summary>
    public static IReadOnlyList<GuestDrift> Compare(IReadOnlyList<GuestInterface> expected, IReadOnlyList<GuestLink> links, bool running)
    {
        var drift = new List<GuestDrift>();
        foreach (var nic in expected)
        {
            var address = $"{nic.Address}/{nic.Subnet.PrefixLength}";
            if (links.FirstOrDefault(l => l.Name == nic.Name) is not { } link)
            {
                drift.Add(new GuestDrift(GuestDriftKind.MissingInterface, nic.Name, $"{nic.HardwareAddress} {address}"));
                continue;
            }
            if (!string.Equals(link.Mac, nic.HardwareAddress, StringComparison.OrdinalIgnoreCase))
            {
                drift.Add(new GuestDrift(GuestDriftKind.WrongMac, nic.Name, nic.HardwareAddress, link.Mac));
            }
            if (!link.Addresses.Contains(address))
            {
                drift.Add(new GuestDrift(GuestDriftKind.MissingAddress, nic.Name, address, link.Addresses.Count == 0 ? null : string.Join(", ", link.Addresses)));
            }
            drift.AddRange(link.Addresses.Where(a => a != address).Select(a => new GuestDrift(GuestDriftKind.UnexpectedAddress, nic.Name, null, a)));
            if (!link.Up && running)
            {
                drift.Add(new GuestDrift(GuestDriftKind.LinkDown, nic.Name));
            }
        }
        drift.AddRange(links.Where(l => l.Name != "lo" && expected.All(e => e.Name != l.Name))
            .Select(l => new GuestDrift(GuestDriftKind.UnexpectedInterface, l.Name, null, string.Join(" ", [l.Mac, .. l.Addresses]))));
        return drift;
    }

    /// <summary>The same view narrowed to one interface: its ifconfig block, its connected route, its netplan, its drift.</summary>
    public GuestView Only(string name) => new(Interfaces.Where(i => i.Name == name || i.Name.StartsWith(name + ":", StringComparison.Ordinal)).ToList(),
        _routes?.Where(r => r.Device == name).ToList(), Source, Drift.Where(d => d.Interface == name).ToList());

    public string Ifconfig()
    {
        var text = new StringBuilder();
        foreach (var nic in Interfaces)
        {
            text.AppendLine($"{nic.Name,-10}Link encap:Ethernet  HWaddr {nic.HardwareAddress}");
            text.AppendLine($"{"",-10}inet addr:{nic.Address}  Bcast:{nic.Broadcast}  Mask:{nic.Mask}");
            text.AppendLine($"{"",-10}{(nic.Up ? "UP BROADCAST RUNNING MULTICAST" : "BROADCAST MULTICAST")}  MTU:{nic.Mtu}  Metric:1");
            text.AppendLine();
        }
        return text.ToString();
    }

    public string RouteTable()
    {
        var text = new StringBuilder();
        text.AppendLine("Kernel IP routing table");
        text.AppendLine("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface");
        if (_routes is not null)
        {
            foreach (var route in _routes)
            {
                text.AppendLine(Row(route));
            }
            return text.ToString();
        }
        if (Interfaces.FirstOrDefault(i => i.Name == "eth0") is { Gateway: { } gateway } primary)
        {
            text.AppendLine(Row("0.0.0.0", gateway.ToString(), "0.0.0.0", "UG", primary.Name));
        }
        foreach (var nic in Interfaces)
        {
            text.AppendLine(Row(nic.Subnet.First.ToString(), "0.0.0.0", nic.Mask.ToString(), "U", nic.Name));
        }
        return text.ToString();
    }

    /// <summary>The netplan file that configures <paramref name="name"/> statically, matched by its MAC.</summary>
    public string Netplan(string name)
    {
        var nic = Interfaces.Single(i => i.Name == name);
        return $"""
            # /etc/netplan/60-{nic.Name}.yaml, then: sudo netplan apply
            network:
              version: 2
              ethernets:
                {nic.Name}:
                  match:
                    macaddress: "{nic.HardwareAddress}"
                  set-name: {nic.Name}
                  dhcp4: false
                  addresses: [{nic.Address}/{nic.Subnet.PrefixLength}]

            """;
    }

    /// <summary>One kernel route as <c>route -n</c> prints it.</summary>
    private static string Row(GuestRoute route)
    {
        var (destination, mask) = route.Destination == "default" ? ("0.0.0.0", "0.0.0.0")
            : Network(route.Destination) is { } network ? (network.First.ToString(), network.Mask.ToString()) : (route.Destination, "?");
        return Row(destination, route.Gateway ?? "0.0.0.0", mask, route.Gateway is null ? "U" : "UG", route.Device);
    }

    /// <summary>An ifconfig block for one of a link's addresses: the first takes the link's name, the others are aliases (<c>eth1:1</c>).</summary>
    private static GuestInterface? Interface(GuestLink link, string address, int n, IReadOnlyList<GuestRoute> routes)
    {
        var slash = address.IndexOf('/');
        if (slash < 0 || !IpAddress.TryParse(address[..slash], out var ip) || Network(address) is not { } subnet)
        {
            return null;
        }
        var gateway = routes.FirstOrDefault(r => r.Destination == "default" && r.Device == link.Name)?.Gateway;
        return new GuestInterface(n == 0 ? link.Name : $"{link.Name}:{n}", link.Mac, ip, subnet,
            IpAddress.TryParse(gateway, out var g) ? g : null, link.Up, link.Mtu > 0 ? link.Mtu : GuestInterface.EthernetMtu);
    }

    /// <summary>The network of <c>a.b.c.d/len</c> (host bits cleared), or null when it is not one.</summary>
    private static Cidr? Network(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !IpAddress.TryParse(text[..slash], out var ip) || !int.TryParse(text[(slash + 1)..], out var length) || length is < 0 or > 32)
        {
            return null;
        }
        var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
        return new Cidr(new IPNetwork(new IpAddress(ip.Value & mask).ToIPAddress(), length));
    }

    private static string Row(string destination, string gateway, string mask, string flags, string iface) =>
        $"{destination,-16}{gateway,-16}{mask,-16}{flags,-6}{"0",-7}{"0",-4}{"0",5} {iface}";
}
