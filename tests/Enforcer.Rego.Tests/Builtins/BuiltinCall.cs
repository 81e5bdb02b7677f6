using Enforcer.Rego.Builtins;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Tests.Builtins;

/// <summary>Calls a builtin from the default table the way the interpreter does.</summary>
internal static class BuiltinCall
{
    public static BuiltinResult Invoke(string name, params Value[] args) => Invoke(TimeProvider.System, name, args);

    public static BuiltinResult Invoke(TimeProvider time, string name, params Value[] args)
    {
        Assert.True(BuiltinRegistry.Default.TryGet(name, out var definition), $"builtin {name} is not registered");
        Assert.Equal(definition.Arity, args.Length);
        var context = new BuiltinContext(time) { BuiltinName = definition.Name };
        return definition.Function(context, args);
    }

    /// <summary>Calls and asserts a defined result.</summary>
    public static Value Value(string name, params Value[] args)
    {
        var result = Invoke(name, args);
        Assert.Null(result.Error?.Message);
        Assert.NotNull(result.Value);
        return result.Value;
    }

    public static Value Json(string json) => RegoJson.Parse(json);
}
