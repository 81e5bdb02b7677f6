using Enforcer.Rego.Builtins;
using Enforcer.Rego.Parsing;

namespace Enforcer.Rego.Compilation;

/// <summary>Compile-time options.</summary>
public sealed record RegoOptions
{
    /// <summary>Syntax of the files (v1 by default, as OPA 1.x).</summary>
    public RegoVersion Version { get; init; } = RegoVersion.V1;

    /// <summary>Builtins available to policies; the full table by default.</summary>
    public BuiltinTable? Builtins { get; init; }

    public static RegoOptions Default { get; } = new();
}
