using System.Globalization;

namespace NicConsole.Web.Features.Shared;

/// <summary>Input lengths derived from the domain's limits, for fields whose limit is a number rather than a length.</summary>
public static class InputLimits
{
    /// <summary>How many digits a count up to <paramref name="max"/> takes (252 → 3).</summary>
    public static int DigitsOf(int max) => max.ToString(CultureInfo.InvariantCulture).Length;
}
