namespace Enforcer.Rego.Builtins;

/// <summary>
/// A failed builtin call. Unless <see cref="Halts"/> is set, the interpreter turns it into Undefined
/// when strict builtin errors are off (OPA's default) and into an evaluation error when they are on.
/// </summary>
/// <param name="Kind">Which error code to report.</param>
/// <param name="Message">The message, already prefixed with the builtin name (e.g. <c>count: operand 1 must be ...</c>).</param>
/// <param name="Halts">True for errors that always stop evaluation, whatever the strict flag.</param>
public sealed record BuiltinError(BuiltinErrorKind Kind, string Message, bool Halts = false)
{
    /// <summary>The OPA error code string.</summary>
    public string Code => Kind == BuiltinErrorKind.TypeError ? "eval_type_error" : "eval_builtin_error";
}
