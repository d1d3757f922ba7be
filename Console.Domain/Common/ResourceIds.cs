using System.Security.Cryptography;

namespace NicConsole.Domain.Common;

public static class ResourceIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public const string BasicVxNet = "vxnet-0";

    public static string NewVpcId() => "rtr-" + Suffix(8);

    public static string NewVxNetId() => "vxnet-" + Suffix(7);

    public static string NewInstanceId() => "i-" + Suffix(8);

    public static string NewJobId() => "j-" + Suffix(8);

    private static string Suffix(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
