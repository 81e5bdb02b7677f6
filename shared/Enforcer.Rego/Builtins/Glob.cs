using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>glob.match (gobwas/glob syntax; delimiters default to ".") and glob.quote_meta.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterGlob(BuiltinTableBuilder builtins)
    {
        builtins.Add("glob.match", 3, GlobMatch, ["string", "any", "string"], "boolean");
        builtins.Add("glob.quote_meta", 1, static (c, a) => EncodingMap(c, a, GoGlob.QuoteMeta), ["string"], "string");
    }

    private static BuiltinResult GlobMatch(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var pattern, out var error))
        {
            return error;
        }

        List<int> separators;
        switch (args[1])
        {
            case NullValue:
                separators = [];
                break;
            case ArrayValue array:
                separators = [];
                foreach (var item in array.AsSpan())
                {
                    if (item is not StringValue s)
                    {
                        return OperandElementError(context, 2, array, item, "string");
                    }

                    var runes = s.Value.EnumerateRunes().ToArray();
                    if (runes.Length != 1)
                    {
                        return OperandElementError(context, 2, array, item, "rune");
                    }

                    separators.Add(runes[0].Value);
                }

                // An empty list means the default delimiter.
                if (separators.Count == 0)
                {
                    separators.Add('.');
                }

                break;
            default:
                return BuiltinResult.OperandTypeError(context, 2, args[1], "one of {array, null}");
        }

        if (!OperandString(context, args[2], 3, out var value, out error))
        {
            return error;
        }

        var regex = GoGlob.Compile(pattern, separators, out var message);
        return regex is null ? BuiltinResult.Fail(context, message!) : Value.From(regex.IsMatch(value));
    }
}
