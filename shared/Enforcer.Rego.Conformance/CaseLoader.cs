using System.Globalization;
using Enforcer.Rego.Values;
using YamlDotNet.RepresentationModel;

namespace Enforcer.Rego.Conformance;

/// <summary>Reads OPA conformance YAML files (schema in the cases' README) into <see cref="ConformanceCase"/>s.</summary>
public static class CaseLoader
{
    public static IEnumerable<ConformanceCase> LoadFile(string path, string area)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("cases"), out var casesNode) || casesNode is not YamlSequenceNode cases)
            {
                continue;
            }

            foreach (var node in cases.OfType<YamlMappingNode>())
            {
                yield return ReadCase(node, path, area);
            }
        }
    }

    private static ConformanceCase ReadCase(YamlMappingNode node, string file, string area)
    {
        string? Str(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
        YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        bool Flag(string key) => string.Equals(Str(key), "true", StringComparison.OrdinalIgnoreCase);

        var modules = Node("modules") is YamlSequenceNode seq ? seq.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList() : [];
        List<Value>? want = null;
        if (Node("want_result") is YamlSequenceNode results)
        {
            want = results.Select(ToValue).ToList();
        }

        return new ConformanceCase
        {
            Note = Str("note") ?? "(no note)",
            Area = area,
            File = file,
            Query = Str("query") ?? string.Empty,
            Modules = modules,
            Data = Node("data") is { } d ? ToValue(d) : null,
            Input = Node("input") is { } i ? ToValue(i) : null,
            InputTerm = Str("input_term"),
            WantResult = want,
            WantErrorCode = Str("want_error_code"),
            WantError = Str("want_error"),
            StrictError = Flag("strict_error"),
            SortBindings = Flag("sort_bindings"),
        };
    }

    /// <summary>Converts YAML to a Rego value: plain scalars are typed (null, booleans, numbers), quoted ones are strings.</summary>
    public static Value ToValue(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return ObjectValue.Create(map.Children.Select(kv => new KeyValuePair<Value, Value>(new StringValue(((YamlScalarNode)kv.Key).Value ?? string.Empty), ToValue(kv.Value))));
            case YamlSequenceNode seq:
                return new ArrayValue(seq.Children.Select(ToValue).ToArray());
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain)
                {
                    switch (text)
                    {
                        case "null" or "~" or "" or "Null" or "NULL":
                            return Value.Null;
                        case "true" or "True" or "TRUE":
                            return Value.True;
                        case "false" or "False" or "FALSE":
                            return Value.False;
                    }

                    if (LooksNumeric(text) && NumberValue.TryParse(text) is { } number)
                    {
                        return number;
                    }

                    if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
                    {
                        return Value.From(hex);
                    }
                }

                return new StringValue(text);
            default:
                return Value.Null;
        }
    }

    private static bool LooksNumeric(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var start = text[0] is '-' or '+' ? 1 : 0;
        return start < text.Length && (char.IsAsciiDigit(text[start]) || (text[start] == '.' && text.Length > start + 1 && char.IsAsciiDigit(text[start + 1])));
    }
}
