using Enforcer.Rego.Values;

namespace Enforcer.Rego.Evaluation;

/// <summary>A <c>with f as ...</c> replacement: a constant value, or another function/builtin by name.</summary>
internal sealed record FunctionMock(Value? Value, string? Function);
