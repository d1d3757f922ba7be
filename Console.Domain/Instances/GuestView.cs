using System.Text;
using NicConsole.Domain.Nics;

namespace NicConsole.Domain.Instances;

/// <summary>
/// What a server's guest sees of its NICs: <c>ifconfig</c> blocks, the <c>route -n</c> table (the default
/// route through eth0's gateway, one connected route per NIC) and the netplan that brings a secondary NIC up.
/// A pure function of the server's attached NICs and their subnets.
/// </summary>
public sealed class GuestView
{
    private GuestView(IReadOnlyList<GuestInterface> interfaces) => Interfaces = interfaces;

    public IReadOnlyList<GuestInterface> Interfaces { get; }

    /// <summary>Interfaces whose subnet another interface also has: the console warns of asymmetric routing.</summary>
    public IReadOnlyList<string> SharedSubnetInterfaces =>
        Interfaces.GroupBy(i => i.Subnet).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)).Select(i => i.Name).ToList();

    public static GuestView Of(InstanceView instance) => new(instance.Nics
        .Where(n => n.Status == NicStatus.InUse && n.Subnet is not null)
        .OrderBy(n => n.Sequence)
        .Select(n => new GuestInterface($"eth{n.Sequence}", n.NicId, n.PrivateIp, n.Subnet!.Value, n.Gateway))
        .ToList());

    /// <summary>The same view narrowed to one interface: its ifconfig block, its connected route, its netplan.</summary>
    public GuestView Only(string name) => new(Interfaces.Where(i => i.Name == name).ToList());

    public string Ifconfig()
    {
        var text = new StringBuilder();
        foreach (var nic in Interfaces)
        {
            text.AppendLine($"{nic.Name,-10}Link encap:Ethernet  HWaddr {nic.HardwareAddress}");
            text.AppendLine($"{"",-10}inet addr:{nic.Address}  Bcast:{nic.Broadcast}  Mask:{nic.Mask}");
            text.AppendLine($"{"",-10}UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1");
            text.AppendLine();
        }
        return text.ToString();
    }

    public string RouteTable()
    {
        var text = new StringBuilder();
        text.AppendLine("Kernel IP routing table");
        text.AppendLine("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface");
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

    private static string Row(string destination, string gateway, string mask, string flags, string iface) =>
        $"{destination,-16}{gateway,-16}{mask,-16}{flags,-6}{"0",-7}{"0",-4}{"0",5} {iface}";
}
