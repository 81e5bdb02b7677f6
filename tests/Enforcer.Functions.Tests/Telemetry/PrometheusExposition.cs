using System.Globalization;
using System.Text;

namespace Enforcer.Functions.Tests.Telemetry;

/// <summary>
/// A strict parser of the Prometheus text format 0.0.4, written from the format's description so that /metrics
/// output is checked by something other than the code that wrote it. Any deviation throws <see cref="FormatException"/>
/// with the line number: names and label names outside their character sets, unknown escapes, unquoted or
/// unterminated label values, duplicate HELP/TYPE, TYPE after samples, a family's samples split apart, duplicate
/// series, histograms without a +Inf bucket, with decreasing buckets or with a _count unequal to the +Inf bucket.
/// </summary>
internal sealed class PrometheusExposition
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private PrometheusExposition(Dictionary<string, Family> families) => Families = families;

    public IReadOnlyDictionary<string, Family> Families { get; }

    public static PrometheusExposition Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition must end with a line feed");
        }

        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        Family? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length >= 3 && parts[0] == "#" && parts[1] is "HELP" or "TYPE")
                {
                    var name = parts[2];
                    RequireName(name, number, metric: true);
                    var family = Switch(ref current, families, closed, name, number);
                    if (parts[1] == "HELP")
                    {
                        if (family.Help is not null)
                        {
                            throw new FormatException($"line {number}: second HELP for {name}");
                        }

                        family.Help = Unescape(parts.Length == 4 ? parts[3] : string.Empty, number, allowQuote: false);
                    }
                    else
                    {
                        if (family.Type is not null || family.Samples.Count > 0)
                        {
                            throw new FormatException($"line {number}: TYPE for {name} must come once, before its samples");
                        }

                        var type = parts.Length == 4 ? parts[3] : string.Empty;
                        family.Type = Types.Contains(type) ? type : throw new FormatException($"line {number}: unknown type '{type}'");
                    }
                }

                continue;
            }

            var sample = ParseSample(line, number);
            var owner = FamilyName(sample.Name, current);
            var target = Switch(ref current, families, closed, owner, number);
            var key = sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!target.SeriesKeys.Add(key))
            {
                throw new FormatException($"line {number}: duplicate series {key}");
            }

            target.Samples.Add(sample);
        }

        foreach (var family in families.Values)
        {
            Validate(family);
        }

        return new PrometheusExposition(families);
    }

    /// <summary>The value of the one sample named <paramref name="name"/> whose labels include all of <paramref name="labels"/>, summed when several match.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Families.Values.SelectMany(f => f.Samples)
            .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .Sum(s => s.Value);

    private static Family Switch(ref Family? current, Dictionary<string, Family> families, HashSet<string> closed, string name, int number)
    {
        if (current?.Name == name)
        {
            return current;
        }

        if (current is not null)
        {
            closed.Add(current.Name);
        }

        if (closed.Contains(name))
        {
            throw new FormatException($"line {number}: the lines of {name} are not together");
        }

        if (!families.TryGetValue(name, out var family))
        {
            family = new Family(name);
            families[name] = family;
        }

        current = family;
        return family;
    }

    // A histogram's _bucket, _sum and _count samples belong to the family declared without the suffix.
    private static string FamilyName(string sampleName, Family? current)
    {
        if (current is { Type: "histogram" or "summary" })
        {
            foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
            {
                if (sampleName == current.Name + suffix)
                {
                    return current.Name;
                }
            }
        }

        return sampleName;
    }

    private static Sample ParseSample(string line, int number)
    {
        var position = 0;
        var nameEnd = position;
        while (nameEnd < line.Length && line[nameEnd] is not ('{' or ' '))
        {
            nameEnd++;
        }

        var name = line[..nameEnd];
        RequireName(name, number, metric: true);
        position = nameEnd;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (true)
            {
                if (position < line.Length && line[position] == '}')
                {
                    position++;
                    break;
                }

                var eq = line.IndexOf('=', position);
                if (eq < 0)
                {
                    throw new FormatException($"line {number}: label without '='");
                }

                var labelName = line[position..eq];
                RequireName(labelName, number, metric: false);
                position = eq + 1;
                if (position >= line.Length || line[position] != '"')
                {
                    throw new FormatException($"line {number}: label value of {labelName} is not quoted");
                }

                position++;
                var value = new StringBuilder();
                while (true)
                {
                    if (position >= line.Length)
                    {
                        throw new FormatException($"line {number}: unterminated label value");
                    }

                    var c = line[position++];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '\\')
                    {
                        if (position >= line.Length)
                        {
                            throw new FormatException($"line {number}: dangling escape");
                        }

                        value.Append(line[position++] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            var other => throw new FormatException($"line {number}: unknown escape \\{other}"),
                        });
                    }
                    else
                    {
                        value.Append(c);
                    }
                }

                if (!labels.TryAdd(labelName, value.ToString()))
                {
                    throw new FormatException($"line {number}: label {labelName} repeated");
                }

                if (position < line.Length && line[position] == ',')
                {
                    position++;
                }
                else if (position >= line.Length || line[position] != '}')
                {
                    throw new FormatException($"line {number}: expected ',' or '}}' after a label");
                }
            }
        }

        if (position >= line.Length || line[position] != ' ')
        {
            throw new FormatException($"line {number}: expected one space before the value");
        }

        var rest = line[(position + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2 || rest[0].Length == 0)
        {
            throw new FormatException($"line {number}: expected a value and an optional timestamp");
        }

        if (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"line {number}: timestamp '{rest[1]}' is not an integer");
        }

        return new Sample(name, labels, ParseValue(rest[0], number));
    }

    private static double ParseValue(string text, int number) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-') => value,
        _ => throw new FormatException($"line {number}: '{text}' is not a number"),
    };

    private static void RequireName(string name, int number, bool metric)
    {
        var valid = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_' || (metric && name[0] == ':')) &&
            name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || (metric && c == ':'));
        if (!valid)
        {
            throw new FormatException($"line {number}: '{name}' is not a valid {(metric ? "metric" : "label")} name");
        }
    }

    private static string Unescape(string text, int number, bool allowQuote)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            if (++i >= text.Length)
            {
                throw new FormatException($"line {number}: dangling escape");
            }

            result.Append(text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when allowQuote => '"',
                var other => throw new FormatException($"line {number}: unknown escape \\{other}"),
            });
        }

        return result.ToString();
    }

    private static void Validate(Family family)
    {
        if (family.Type == "counter" && family.Samples.Any(s => s.Value < 0 || double.IsNaN(s.Value)))
        {
            throw new FormatException($"{family.Name}: a counter is negative or NaN");
        }

        if (family.Type != "histogram")
        {
            if (family.Samples.Any(s => s.Name != family.Name))
            {
                throw new FormatException($"{family.Name}: sample names differ from the family");
            }

            return;
        }

        foreach (var series in family.Samples.GroupBy(s => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value))))
        {
            var buckets = series.Where(s => s.Name == family.Name + "_bucket").ToList();
            if (buckets.Any(b => !b.Labels.ContainsKey("le")))
            {
                throw new FormatException($"{family.Name}: a bucket without le");
            }

            var ordered = buckets.Select(b => (Bound: ParseValue(b.Labels["le"], 0), b.Value)).ToList();
            if (ordered.Count == 0 || !double.IsPositiveInfinity(ordered[^1].Bound))
            {
                throw new FormatException($"{family.Name}{{{series.Key}}}: the last bucket must be le=\"+Inf\"");
            }

            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Bound <= ordered[i - 1].Bound || ordered[i].Value < ordered[i - 1].Value)
                {
                    throw new FormatException($"{family.Name}{{{series.Key}}}: buckets must grow in bound and count");
                }
            }

            var count = series.SingleOrDefault(s => s.Name == family.Name + "_count") ?? throw new FormatException($"{family.Name}: no _count");
            _ = series.SingleOrDefault(s => s.Name == family.Name + "_sum") ?? throw new FormatException($"{family.Name}: no _sum");
            if (count.Value != ordered[^1].Value)
            {
                throw new FormatException($"{family.Name}{{{series.Key}}}: _count {count.Value} differs from the +Inf bucket {ordered[^1].Value}");
            }
        }
    }

    /// <summary>A metric family as parsed.</summary>
    internal sealed class Family(string name)
    {
        public string Name { get; } = name;

        public string? Type { get; set; }

        public string? Help { get; set; }

        public List<Sample> Samples { get; } = [];

        public HashSet<string> SeriesKeys { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One sample line.</summary>
    internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
