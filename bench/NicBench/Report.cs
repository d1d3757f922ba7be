using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// One line of the table. <see cref="Ratio"/> is always how many times costlier ours is than the floor
/// (floor ops/s over ours for a rate, ours over floor for a time), so lower is better and 1 is the floor.
/// </summary>
public sealed record Figure(string Name, double Ours, double Floor, string Unit, bool HigherIsBetter, double? MaxRatio, double? MaxOurs = null)
{
    public double Ratio => HigherIsBetter ? Floor / Ours : Ours / Floor;

    /// <summary>What the floor is, where it is not the same work done the plain way (shown after the floor's figure).</summary>
    public string? FloorLabel { get; init; }

    public bool? Met => MaxRatio is null && MaxOurs is null ? null
        : (MaxRatio is not { } ratio || Ratio <= ratio) && (MaxOurs is not { } max || Ours < max);

    public string Target => (MaxRatio, MaxOurs) switch
    {
        (null, null) => "(reported)",
        ({ } ratio, null) => $"≤ {ratio.ToString("0.##", CultureInfo.InvariantCulture)}x",
        (null, { } max) => $"< {max.ToString("0.#", CultureInfo.InvariantCulture)} {Unit}",
        ({ } ratio, { } max) => $"≤ {ratio.ToString("0.##", CultureInfo.InvariantCulture)}x and < {max.ToString("0.#", CultureInfo.InvariantCulture)} {Unit}",
    };
}

public static class Report
{
    public static string Machine() =>
        $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), "
        + $"{RuntimeInformation.FrameworkDescription}, SQLite {SqliteVersion()}";

    private static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    public static string Table(IEnumerable<Figure> figures)
    {
        var text = new StringBuilder();
        text.AppendLine("| figure | ours | floor | ratio | target | met? |");
        text.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Name} | {Number(f.Ours)} {f.Unit} | {Number(f.Floor)} {f.Unit}{(f.FloorLabel is { } label ? $" ({label})" : "")} | {f.Ratio:0.00}x | {f.Target} | {f.Met switch { true => "yes", false => "**no**", null => "—" }} |");
        }
        return text.ToString();
    }

    private static string Number(double value) =>
        value.ToString(value >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);

    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
