using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>
/// A builtin implementation. <paramref name="args"/> holds exactly the declared number of operands, all
/// defined (the interpreter never calls a builtin with an Undefined operand). It must not keep the span.
/// </summary>
public delegate BuiltinResult BuiltinFunction(BuiltinContext context, ReadOnlySpan<Value> args);
