namespace Enforcer.Rego.Builtins;

/// <summary>One entry of the builtin table.</summary>
/// <param name="Name">Full dotted name, e.g. <c>strings.replace_n</c>.</param>
/// <param name="Arity">Number of operands (the result is not counted).</param>
/// <param name="Function">The implementation.</param>
/// <param name="ArgumentTypes">Declared operand types for documentation and future checking (e.g. <c>string</c>, <c>any</c>); may be empty.</param>
/// <param name="ResultType">Declared result type, e.g. <c>boolean</c>.</param>
/// <param name="Nondeterministic">True when results may differ between calls (time, random); such calls are never cached across queries.</param>
public sealed record BuiltinDefinition(
    string Name,
    int Arity,
    BuiltinFunction Function,
    IReadOnlyList<string> ArgumentTypes,
    string ResultType,
    bool Nondeterministic = false);
