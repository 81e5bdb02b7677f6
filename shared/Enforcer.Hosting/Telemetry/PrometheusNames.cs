using System.Text;

namespace Enforcer.Hosting.Telemetry;

/// <summary>
/// Turns OpenTelemetry instrument names, units and tag keys into Prometheus names, following the usual OTLP-to-
/// Prometheus mapping: invalid characters become '_', a unit suffix is added (s → _seconds, By → _bytes; curly
/// annotations like {event} add nothing) and monotonic counters end in _total.
/// </summary>
public static class PrometheusNames
{
    public static string Metric(string instrument, string? unit, bool monotonicCounter)
    {
        var name = Sanitize(instrument, allowColon: true);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        if (monotonicCounter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    public static string Label(string key)
    {
        var name = Sanitize(key, allowColon: false);
        // Names starting with __ are reserved for Prometheus itself.
        return name.StartsWith("__", StringComparison.Ordinal) ? "key" + name : name;
    }

    private static string UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => string.Empty,
        _ when unit.StartsWith('{') => string.Empty,
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        _ => Sanitize(unit, allowColon: false).Trim('_'),
    };

    private static string Sanitize(string text, bool allowColon)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            builder.Append(valid ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
