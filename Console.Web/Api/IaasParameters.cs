using System.Globalization;

namespace NicConsole.Web.Api;

/// <summary>
/// The parameters of one API call, parsed from the raw query string or form body so that blank values
/// (<c>nic_name=</c>) and bare names survive for the signature. Lists arrive as <c>name.1</c>, <c>name.2</c>, …
/// or as a scalar <c>name</c>; both are read and merged.
/// </summary>
public sealed class IaasParameters
{
    private readonly Dictionary<string, string> _values;

    private IaasParameters(IReadOnlyList<RawParameter> raw)
    {
        Raw = raw;
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in raw)
        {
            if (!_values.TryAdd(parameter.Name, parameter.Value))
            {
                throw new IaasException(DomainErrors.DuplicateParameter(parameter.Name))
                {
                    Action = raw.FirstOrDefault(p => p.Name == "action")?.Value,
                };
            }
        }
    }

    public IReadOnlyList<RawParameter> Raw { get; }

    public static IaasParameters Parse(string? text)
    {
        var raw = new List<RawParameter>();
        foreach (var segment in (text ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = segment.IndexOf('=');
            raw.Add(equals < 0
                ? new RawParameter(Decode(segment), "", false)
                : new RawParameter(Decode(segment[..equals]), Decode(segment[(equals + 1)..]), true));
        }
        return new IaasParameters(raw);
    }

    /// <summary>The value, or null when the parameter is absent or blank (a blank value means "not given").</summary>
    public string? Optional(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name) => Optional(name) ?? throw new IaasException(DomainErrors.Required(name));

    public int Int(string name, int defaultValue) => OptionalInt(name) ?? defaultValue;

    public int? OptionalInt(string name) => Optional(name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new IaasException(DomainErrors.InvalidValue(name, text)),
    };

    /// <summary>
    /// A list parameter: <c>name.N</c> items in numeric order of N, after a scalar <c>name</c>; blanks skipped. Two
    /// spellings of one index (<c>nics.1</c>, <c>nics.01</c>) are a repeated item (1100), not two items.
    /// </summary>
    public IReadOnlyList<string> List(string name)
    {
        var items = new List<(int Index, string Value)>();
        if (Optional(name) is { } scalar)
        {
            items.Add((0, scalar));
        }
        var prefix = name + ".";
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && value.Length > 0
                && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0)
            {
                items.Add((index, value));
            }
        }
        if (items.GroupBy(i => i.Index).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new IaasException(DomainErrors.DuplicateParameter($"{prefix}{repeated.Key}"));
        }
        return items.OrderBy(i => i.Index).Select(i => i.Value).ToList();
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
