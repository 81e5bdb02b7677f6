namespace Enforcer.Core.History;

/// <summary>A request's query-string parameters as the host received them (a name may repeat).</summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string?[]> _values;

    public QueryParameters(IEnumerable<KeyValuePair<string, string?[]>> parameters)
    {
        _values = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (name, values) in parameters)
        {
            _values[name] = _values.TryGetValue(name, out var existing) ? [.. existing, .. values] : values;
        }
    }

    public static QueryParameters Empty { get; } = new([]);

    /// <summary>The single value of a parameter, or null when absent (<see cref="Check"/> has refused repeats).</summary>
    public string? this[string name] => _values.TryGetValue(name, out var values) && values.Length > 0 ? values[0] ?? string.Empty : null;

    /// <summary>A reason for a 400 when a parameter is not one of <paramref name="allowed"/> or is given twice; otherwise null.</summary>
    public string? Check(IReadOnlyCollection<string> allowed)
    {
        foreach (var (name, values) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!allowed.Contains(name))
            {
                return $"unknown parameter '{Printable(name)}' (allowed: {string.Join(", ", allowed)})";
            }

            if (values.Length > 1)
            {
                return $"parameter '{name}' is given more than once";
            }
        }

        return null;
    }

    private static string Printable(string name) =>
        name.Length > 64 || name.Any(char.IsControl) ? string.Concat(name.Take(64).Where(c => !char.IsControl(c))) + "..." : name;
}
