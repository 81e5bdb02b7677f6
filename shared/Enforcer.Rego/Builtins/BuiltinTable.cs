using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Enforcer.Rego.Builtins;

/// <summary>An immutable lookup of builtins by full name. Thread-safe.</summary>
public sealed class BuiltinTable
{
    private readonly FrozenDictionary<string, BuiltinDefinition> _byName;

    internal BuiltinTable(IEnumerable<BuiltinDefinition> definitions)
    {
        _byName = definitions.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>All builtins, by name.</summary>
    public IEnumerable<BuiltinDefinition> All => _byName.Values;

    public int Count => _byName.Count;

    public bool TryGet(string name, [NotNullWhen(true)] out BuiltinDefinition? definition) => _byName.TryGetValue(name, out definition);

    public bool Contains(string name) => _byName.ContainsKey(name);
}
