using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>Type predicates (is_*) and type_name.</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterTypes(BuiltinTableBuilder builtins)
    {
        builtins.Add("is_number", 1, static (_, a) => Value.From(a[0] is NumberValue), ["any"], "boolean");
        builtins.Add("is_string", 1, static (_, a) => Value.From(a[0] is StringValue), ["any"], "boolean");
        builtins.Add("is_boolean", 1, static (_, a) => Value.From(a[0] is BooleanValue), ["any"], "boolean");
        builtins.Add("is_array", 1, static (_, a) => Value.From(a[0] is ArrayValue), ["any"], "boolean");
        builtins.Add("is_set", 1, static (_, a) => Value.From(a[0] is SetValue), ["any"], "boolean");
        builtins.Add("is_object", 1, static (_, a) => Value.From(a[0] is ObjectValue), ["any"], "boolean");
        builtins.Add("is_null", 1, static (_, a) => Value.From(a[0] is NullValue), ["any"], "boolean");
        builtins.Add("type_name", 1, static (_, a) => new StringValue(a[0].TypeName), ["any"], "string");
    }
}
