namespace Enforcer.Rego.Builtins;

/// <summary>The two error codes a builtin can raise, as OPA names them.</summary>
public enum BuiltinErrorKind
{
    /// <summary><c>eval_type_error</c>: an operand has the wrong type.</summary>
    TypeError,

    /// <summary><c>eval_builtin_error</c>: operands are well typed but the operation failed.</summary>
    BuiltinError,
}
