namespace Enforcer.Rego.Builtins;

/// <summary>Collects builtin definitions while the registry is built; each category file adds its own.</summary>
public sealed class BuiltinTableBuilder
{
    private readonly Dictionary<string, BuiltinDefinition> _definitions = new(StringComparer.Ordinal);

    /// <summary>Registers a builtin; a duplicate name is a programming error and throws at start-up.</summary>
    /// <param name="name">Full dotted name, e.g. <c>strings.replace_n</c>.</param>
    /// <param name="arity">Number of operands.</param>
    /// <param name="function">The implementation.</param>
    /// <param name="argumentTypes">Declared operand types (documentation), e.g. <c>["string", "string"]</c>.</param>
    /// <param name="resultType">Declared result type.</param>
    /// <param name="nondeterministic">True for time/random builtins.</param>
    public BuiltinTableBuilder Add(
        string name,
        int arity,
        BuiltinFunction function,
        IReadOnlyList<string>? argumentTypes = null,
        string resultType = "any",
        bool nondeterministic = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfNegative(arity);
        if (argumentTypes is not null && argumentTypes.Count != arity)
        {
            throw new ArgumentException($"Builtin {name}: {argumentTypes.Count} argument types for arity {arity}.", nameof(argumentTypes));
        }

        if (!_definitions.TryAdd(name, new BuiltinDefinition(name, arity, function, argumentTypes ?? [], resultType, nondeterministic)))
        {
            throw new InvalidOperationException($"Builtin {name} is registered twice.");
        }

        return this;
    }

    /// <summary>True when the name is already registered (lets a category skip one another owns).</summary>
    public bool Contains(string name) => _definitions.ContainsKey(name);

    internal BuiltinTable Build() => new(_definitions.Values);
}
