using System.Text.RegularExpressions;

namespace NicConsole.Tests.Support;

public static class Words
{
    /// <summary>
    /// Whether <paramref name="text"/> names <paramref name="id"/> as a whole word: a plain Contains is not enough, since
    /// fixed ids are prefixes of random ones (vxnet-0 of vxnet-0k3…).
    /// </summary>
    public static bool Mentions(this string text, string id) => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])");
}
