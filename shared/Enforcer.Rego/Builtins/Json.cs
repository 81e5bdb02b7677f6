using System.Globalization;
using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>JSON builtins: marshal (Go's encoding), unmarshal, is_valid, filter, remove, patch (RFC 6902); and yaml.marshal/unmarshal/is_valid.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterJson(BuiltinTableBuilder builtins)
    {
        builtins.Add("json.marshal", 1, static (_, a) => new StringValue(GoJson.Marshal(a[0])), ["any"], "string");
        builtins.Add("json.marshal_with_options", 2, JsonMarshalWithOptions, ["any", "object"], "string");
        builtins.Add("json.unmarshal", 1, JsonUnmarshal, ["string"], "any");
        builtins.Add("json.is_valid", 1, static (c, a) => Value.From(a[0] is StringValue s && GoJson.Parse(s.Value, out _) is not null), ["any"], "boolean");
        builtins.Add("json.filter", 2, JsonFilter, ["object", "any"], "any");
        builtins.Add("json.remove", 2, JsonRemove, ["object", "any"], "any");
        builtins.Add("json.patch", 2, JsonPatch, ["any", "array"], "any");
        builtins.Add("yaml.marshal", 1, static (_, a) => new StringValue(GoYaml.Marshal(a[0])), ["any"], "string");
        builtins.Add("yaml.unmarshal", 1, JsonYamlUnmarshal, ["string"], "any");
        builtins.Add("yaml.is_valid", 1, static (c, a) => Value.From(a[0] is StringValue s && GoYaml.Parse(s.Value, out _) is not null), ["any"], "boolean");
    }

    private static BuiltinResult JsonMarshalWithOptions(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[1], 2, out var options, out var error))
        {
            return error;
        }

        var indent = "\t";
        var prefix = string.Empty;
        var implicitPretty = false;
        bool? explicitPretty = null;
        for (var i = 0; i < options.Count; i++)
        {
            var key = options.Keys[i];
            var value = options.Values[i];
            if (key is not StringValue name)
            {
                return OperandError(context, 2, $"failed to stringify key {key} at index {i}");
            }

            switch (name.Value)
            {
                case "prefix":
                    if (value is not StringValue p)
                    {
                        return OperandError(context, 2, $"key {name.Value} failed cast to string");
                    }

                    prefix = p.Value;
                    implicitPretty = true;
                    break;
                case "indent":
                    if (value is not StringValue ind)
                    {
                        return OperandError(context, 2, $"key {name.Value} failed cast to string");
                    }

                    indent = ind.Value;
                    implicitPretty = true;
                    break;
                case "pretty":
                    if (value is not BooleanValue b)
                    {
                        return OperandError(context, 2, $"key {name.Value} failed cast to bool");
                    }

                    explicitPretty = b.Value;
                    break;
                default:
                    return OperandError(context, 2, $"object contained unknown key {name}");
            }
        }

        return explicitPretty ?? implicitPretty
            ? new StringValue(prefix + GoJson.Marshal(args[0], prefix, indent))
            : new StringValue(GoJson.Marshal(args[0]));
    }

    private static BuiltinResult JsonUnmarshal(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var text, out var error))
        {
            return error;
        }

        var value = GoJson.Parse(text, out var message);
        return value is null ? BuiltinResult.Fail(context, message ?? "invalid JSON") : value;
    }

    private static BuiltinResult JsonYamlUnmarshal(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var text, out var error))
        {
            return error;
        }

        var value = GoYaml.Parse(text, out var message);
        return value is null ? BuiltinResult.Fail(context, message!) : value;
    }

    /// <summary>The paths of json.filter/json.remove: "a/b/c" pointers (with ~0 ~1 escapes) or arrays of segments.</summary>
    private static bool JsonPaths(BuiltinContext context, Value operand, out List<Value[]> paths, out BuiltinResult error)
    {
        paths = [];
        error = default;
        if (operand is not ArrayValue and not SetValue)
        {
            error = BuiltinResult.OperandTypeError(context, 2, operand, "one of {set, array}");
            return false;
        }

        foreach (var item in OperandItems(operand))
        {
            var path = JsonParsePath(item);
            if (path is null)
            {
                error = OperandError(context, 2, $"must be one of {{set, array}} containing string paths or array of path segments but got {item.TypeName}");
                return false;
            }

            paths.Add(path);
        }

        return true;
    }

    private static Value[]? JsonParsePath(Value path)
    {
        switch (path)
        {
            case StringValue s:
                if (s.Value.Length == 0)
                {
                    return [];
                }

                return [.. s.Value.TrimStart('/').Split('/').Select(p => (Value)new StringValue(p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))];
            case ArrayValue a:
                return a.AsSpan().ToArray();
            default:
                return null;
        }
    }

    /// <summary>OPA's pathsToObject: a tree of objects whose leaves are null; a shorter path covers longer ones.</summary>
    private static ObjectValue JsonPathTree(List<Value[]> paths)
    {
        var root = new JsonTreeNode();
        foreach (var path in paths)
        {
            if (path.Length == 0)
            {
                continue;
            }

            var node = root;
            var covered = false;
            for (var i = 0; i < path.Length - 1; i++)
            {
                if (!node.Children.TryGetValue(path[i], out var child))
                {
                    child = new JsonTreeNode();
                    node.Children[path[i]] = child;
                }
                else if (child.IsLeaf)
                {
                    covered = true;
                    break;
                }

                node = child;
            }

            if (!covered)
            {
                node.Children[path[^1]] = new JsonTreeNode { IsLeaf = true };
            }
        }

        return (ObjectValue)root.ToValue();
    }

    private sealed class JsonTreeNode
    {
        public Dictionary<Value, JsonTreeNode> Children { get; } = new(ValueComparer.Instance);

        public bool IsLeaf { get; set; }

        public Value ToValue() => IsLeaf
            ? Value.Null
            : ObjectValue.Create(Children.Select(c => new KeyValuePair<Value, Value>(c.Key, c.Value.ToValue())));
    }

    private static BuiltinResult JsonFilter(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out var obj, out var error) ||
            !JsonPaths(context, args[1], out var paths, out error))
        {
            return error;
        }

        return JsonFilterValue(obj, JsonPathTree(paths));
    }

    private static Value JsonFilterValue(Value value, Value filter)
    {
        if (filter is not ObjectValue f)
        {
            return value;
        }

        switch (value)
        {
            case ArrayValue a:
                var items = new List<Value>();
                for (var i = 0; i < a.Count; i++)
                {
                    if (f.TryGetValue(i.ToString(CultureInfo.InvariantCulture), out var sub))
                    {
                        items.Add(JsonFilterValue(a[i], sub));
                    }
                }

                return new ArrayValue([.. items]);
            case SetValue s:
                var members = new List<Value>();
                foreach (var item in s.AsSpan())
                {
                    if (f.TryGetValue(item, out var sub))
                    {
                        members.Add(JsonFilterValue(item, sub));
                    }
                }

                return SetValue.Create(members);
            case ObjectValue o:
                var entries = new List<KeyValuePair<Value, Value>>();
                for (var i = 0; i < o.Count; i++)
                {
                    if (f.TryGetValue(o.Keys[i], out var sub))
                    {
                        entries.Add(new KeyValuePair<Value, Value>(o.Keys[i], JsonFilterValue(o.Values[i], sub)));
                    }
                }

                return ObjectValue.Create(entries);
            default:
                return value;
        }
    }

    private static BuiltinResult JsonRemove(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandObject(context, args[0], 1, out _, out var error) ||
            !JsonPaths(context, args[1], out var paths, out error))
        {
            return error;
        }

        var result = JsonRemoveValue(args[0], JsonPathTree(paths));
        return result is null ? BuiltinResult.Undefined : result;
    }

    /// <summary>OPA's jsonRemove: null where the tree has a leaf (removed), the value where paths diverge.</summary>
    private static Value? JsonRemoveValue(Value value, Value? tree)
    {
        if (tree is NullValue)
        {
            return null;
        }

        if (tree is not ObjectValue t)
        {
            return value;
        }

        switch (value)
        {
            case ObjectValue o:
                var entries = new List<KeyValuePair<Value, Value>>();
                for (var i = 0; i < o.Count; i++)
                {
                    var kept = JsonRemoveValue(o.Values[i], t[o.Keys[i]]);
                    if (kept is not null)
                    {
                        entries.Add(new KeyValuePair<Value, Value>(o.Keys[i], kept));
                    }
                }

                return ObjectValue.Create(entries);
            case SetValue s:
                var members = new List<Value>();
                foreach (var item in s.AsSpan())
                {
                    var kept = JsonRemoveValue(item, t[item]);
                    if (kept is not null)
                    {
                        members.Add(kept);
                    }
                }

                return SetValue.Create(members);
            case ArrayValue a:
                var items = new List<Value>();
                for (var i = 0; i < a.Count; i++)
                {
                    var kept = JsonRemoveValue(a[i], t[i.ToString(CultureInfo.InvariantCulture)]);
                    if (kept is not null)
                    {
                        items.Add(kept);
                    }
                }

                return new ArrayValue([.. items]);
            default:
                return value;
        }
    }

    private static BuiltinResult JsonPatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandArray(context, args[1], 2, out var operations, out var error))
        {
            return error;
        }

        // Any failing operation makes the result undefined, as in OPA.
        var document = args[0];
        foreach (var operation in operations.AsSpan())
        {
            var next = JsonApplyPatch(document, operation);
            if (next is null)
            {
                return BuiltinResult.Undefined;
            }

            document = next;
        }

        return document;
    }

    private static Value? JsonApplyPatch(Value document, Value operation)
    {
        if (operation is not ObjectValue op || op["op"] is not StringValue kind || op["path"] is not { } pathTerm)
        {
            return null;
        }

        var path = JsonParsePath(pathTerm);
        if (path is null)
        {
            return null;
        }

        Value[]? from = null;
        if (kind.Value is "move" or "copy")
        {
            from = op["from"] is { } fromTerm ? JsonParsePath(fromTerm) : null;
            if (from is null)
            {
                return null;
            }
        }

        var value = op["value"];
        if (kind.Value is "add" or "replace" or "test" && value is null)
        {
            return null;
        }

        switch (kind.Value)
        {
            case "add":
                return JsonInsert(document, path, value!);
            case "remove":
                return JsonDelete(document, path);
            case "replace" when path.Length == 0:
                return value;
            case "replace":
                var removed = JsonDelete(document, path);
                return removed is null ? null : JsonInsert(removed, path, value!);
            case "move":
                var moved = JsonGet(document, from!);
                var without = moved is null ? null : JsonDelete(document, from!);
                return without is null ? null : JsonInsert(without, path, moved!);
            case "copy":
                var copied = JsonGet(document, from!);
                return copied is null ? null : JsonInsert(document, path, copied);
            case "test":
                return JsonGet(document, path) is { } actual && actual.Equals(value) ? document : null;
            default:
                return null;
        }
    }

    /// <summary>An array index segment: a non-negative integer without leading zeros (string or number); -1 when invalid.</summary>
    private static int JsonIndex(Value segment) => segment switch
    {
        StringValue s when s.Value.Length > 0 && s.Value.All(char.IsAsciiDigit) && (s.Value.Length == 1 || s.Value[0] != '0') &&
            int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
        NumberValue n when n.TryGetInt32(out var i) && i >= 0 => i,
        _ => -1,
    };

    private static Value? JsonChild(Value container, Value segment) => container switch
    {
        ObjectValue o => o[segment],
        ArrayValue a => JsonIndex(segment) is var i && i >= 0 && i < a.Count ? a[i] : null,
        SetValue s => s.Contains(segment) ? segment : null,
        _ => null,
    };

    private static Value? JsonGet(Value document, ReadOnlySpan<Value> path)
    {
        var current = document;
        foreach (var segment in path)
        {
            var next = JsonChild(current, segment);
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Rebuilds a container with one child replaced.</summary>
    private static Value? JsonReplaceChild(Value container, Value segment, Value child)
    {
        switch (container)
        {
            case ObjectValue o:
                return o.With(segment, child);
            case ArrayValue a:
                var items = a.AsSpan().ToArray();
                items[JsonIndex(segment)] = child;
                return new ArrayValue(items);
            case SetValue s:
                return s.Except(SetValue.Create([segment])).Union(SetValue.Create([child]));
            default:
                return null;
        }
    }

    private static Value? JsonInsert(Value document, ReadOnlySpan<Value> path, Value value)
    {
        if (path.IsEmpty)
        {
            return value;
        }

        if (path.Length > 1)
        {
            var child = JsonChild(document, path[0]);
            var updated = child is null ? null : JsonInsert(child, path[1..], value);
            return updated is null ? null : JsonReplaceChild(document, path[0], updated);
        }

        var key = path[0];
        switch (document)
        {
            case ObjectValue o:
                return o.With(key, value);
            case ArrayValue a:
                var index = key is StringValue { Value: "-" } ? a.Count : JsonIndex(key);
                if (index < 0 || index > a.Count)
                {
                    return null;
                }

                var items = new List<Value>(a);
                items.Insert(index, value);
                return new ArrayValue([.. items]);
            case SetValue s:
                return s.Union(SetValue.Create([value]));
            default:
                return null;
        }
    }

    private static Value? JsonDelete(Value document, ReadOnlySpan<Value> path)
    {
        if (path.IsEmpty)
        {
            return null;
        }

        if (path.Length > 1)
        {
            var child = JsonChild(document, path[0]);
            var updated = child is null ? null : JsonDelete(child, path[1..]);
            return updated is null ? null : JsonReplaceChild(document, path[0], updated);
        }

        var key = path[0];
        switch (document)
        {
            case ObjectValue o:
                return o.ContainsKey(key) ? o.Without(key) : null;
            case ArrayValue a:
                var index = JsonIndex(key);
                if (index < 0 || index >= a.Count)
                {
                    return null;
                }

                var items = new List<Value>(a);
                items.RemoveAt(index);
                return new ArrayValue([.. items]);
            case SetValue s:
                return s.Contains(key) ? s.Except(SetValue.Create([key])) : null;
            default:
                return null;
        }
    }
}
