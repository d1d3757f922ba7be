using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Persistence;

public static class ValueConverters
{
    /// <summary>IPv4 addresses as their number, so that sorting by IP sorts numerically.</summary>
    public static readonly ValueConverter<IpAddress, long> Ip = new(v => v.Value, v => new IpAddress((uint)v));

    public static readonly ValueConverter<Cidr, string> Network = new(v => v.ToString(), v => Cidr.Parse(v));
}
