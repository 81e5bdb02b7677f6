using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>
/// What a builtin returns: a value, Undefined, or an error. A <see cref="Value"/> converts implicitly,
/// so most builtins simply <c>return someValue;</c>.
/// </summary>
public readonly struct BuiltinResult
{
    private BuiltinResult(Value? value, BuiltinError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The result value; null when Undefined or on error.</summary>
    public Value? Value { get; }

    /// <summary>The error, when the call failed.</summary>
    public BuiltinError? Error { get; }

    public bool IsUndefined => Value is null && Error is null;

    /// <summary>No result (the expression is Undefined).</summary>
    public static BuiltinResult Undefined => default;

    public static BuiltinResult Of(Value value) => new(value, null);

    public static implicit operator BuiltinResult(Value value) => new(value, null);

    public static implicit operator BuiltinResult(BuiltinError error) => new(null, error);

    /// <summary>An <c>eval_type_error</c> with a message that must already name the builtin.</summary>
    public static BuiltinResult TypeError(string message) => new(null, new BuiltinError(BuiltinErrorKind.TypeError, message));

    /// <summary>An <c>eval_builtin_error</c> with a message that must already name the builtin.</summary>
    public static BuiltinResult Fail(string message) => new(null, new BuiltinError(BuiltinErrorKind.BuiltinError, message));

    /// <summary>OPA's standard operand type error: <c>NAME: operand N must be EXPECTED but got ACTUAL</c>.</summary>
    /// <param name="context">The call context (supplies the builtin name).</param>
    /// <param name="position">1-based operand position.</param>
    /// <param name="actual">The offending operand.</param>
    /// <param name="expected">e.g. <c>string</c>, <c>one of {array, object, set, string}</c>.</param>
    public static BuiltinResult OperandTypeError(BuiltinContext context, int position, Value actual, string expected)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actual);
        return TypeError($"{context.BuiltinName}: operand {position} must be {expected} but got {actual.TypeName}");
    }

    /// <summary>An <c>eval_builtin_error</c> prefixed with the builtin name: <c>NAME: message</c>.</summary>
    public static BuiltinResult Fail(BuiltinContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Fail($"{context.BuiltinName}: {message}");
    }
}
