using System.Globalization;
using System.Text;

namespace Enforcer.Hosting.Telemetry;

/// <summary>Renders a snapshot in the Prometheus text exposition format, version 0.0.4.</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// HELP and TYPE once per family, then its samples; histograms as cumulative _bucket series (le ending at +Inf),
    /// _sum and _count. Families and samples come out in a stable order.
    /// </summary>
    public static string Write(MetricSnapshot snapshot)
    {
        var text = new StringBuilder();
        foreach (var family in snapshot.Families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var sample in family.Samples.OrderBy(s => s.LabelKey, StringComparer.Ordinal))
            {
                if (family.Type == MetricFamily.Histogram && sample.BucketCounts is { } counts && sample.Bounds is { } bounds)
                {
                    long cumulative = 0;
                    for (var i = 0; i < counts.Count; i++)
                    {
                        cumulative += counts[i];
                        var le = i < bounds.Count ? Number(bounds[i]) : "+Inf";
                        Line(text, family.Name + "_bucket", sample.Labels, ("le", le), cumulative);
                    }

                    Line(text, family.Name + "_sum", sample.Labels, null, sample.Value);
                    Line(text, family.Name + "_count", sample.Labels, null, sample.Count);
                }
                else
                {
                    Line(text, family.Name, sample.Labels, null, sample.Value);
                }
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, (string Key, string Value)? extra, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || extra is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                Label(text, key, labelValue, ref first);
            }

            if (extra is { } e)
            {
                Label(text, e.Key, e.Value, ref first);
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static void Label(StringBuilder text, string key, string value, ref bool first)
    {
        if (!first)
        {
            text.Append(',');
        }

        first = false;
        text.Append(key).Append("=\"").Append(EscapeLabel(value)).Append('"');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
