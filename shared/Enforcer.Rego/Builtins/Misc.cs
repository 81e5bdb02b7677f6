using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>uri.parse and uri.is_valid (Go's net/url), and OPA's test.sleep.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterMisc(BuiltinTableBuilder builtins)
    {
        builtins.Add("uri.parse", 1, MiscUriParse, ["string"], "object");
        builtins.Add("uri.is_valid", 1, static (_, a) => Value.From(a[0] is StringValue { Value.Length: > 0 } s && GoUrl.Parse(s.Value, out var _) is not null), ["any"], "boolean");
        builtins.Add("test.sleep", 1, MiscSleep, ["string"], "null", nondeterministic: true);
    }

    private static BuiltinResult MiscUriParse(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var text, out var error))
        {
            return error;
        }

        var url = GoUrl.Parse(text, out var message);
        if (url is null)
        {
            return BuiltinResult.Fail(context, message!);
        }

        // Empty parts are left out; raw_path is the original escaping when it differs from Go's default.
        var fields = new List<KeyValuePair<string, Value>>();
        void Add(string name, string value)
        {
            if (value.Length > 0)
            {
                fields.Add(new(name, new StringValue(value)));
            }
        }

        Add("scheme", url.Scheme);
        Add("hostname", url.Hostname);
        Add("port", url.Port);
        Add("path", url.Path);
        Add("raw_path", url.RawPath.Length > 0 ? url.RawPath : url.Path);
        Add("raw_query", url.RawQuery);
        Add("fragment", url.Fragment);
        return ObjectValue.FromStrings(fields);
    }

    private static BuiltinResult MiscSleep(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var text, out var error))
        {
            return error;
        }

        var nanos = GoDuration.Parse(text, out var message);
        if (nanos is null)
        {
            return BuiltinResult.Fail(context, message!);
        }

        if (nanos > 0)
        {
            context.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromTicks(nanos.Value / 100));
        }

        return Value.Null;
    }
}
