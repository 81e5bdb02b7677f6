namespace Enforcer.Rego.Compilation;

/// <summary>A variable scope while compiling one rule: the rule body, or a comprehension/every body inside it.</summary>
internal sealed class Scope(Scope? parent, SlotAllocator slots)
{
    public Scope? Parent { get; } = parent;

    public SlotAllocator Slots { get; } = slots;

    public Dictionary<string, int> Vars { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Assigned { get; } = new(StringComparer.Ordinal);

    /// <summary>Literal index where a `:=`/`some` variable is declared; closures placed before it do not see it.</summary>
    public Dictionary<string, int> DeclaredAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Index of the literal of the parent body that holds this closure.</summary>
    public int ParentPosition { get; init; } = int.MaxValue;

    /// <summary>Slots of enclosing scopes that this scope reads.</summary>
    public HashSet<int> Captured { get; } = [];

    public int Declare(string name)
    {
        var slot = Slots.Next(name);
        Vars[name] = slot;
        return slot;
    }

    /// <summary>Finds a variable here or in an enclosing scope, recording captures along the way.</summary>
    public bool TryLookup(string name, out int slot)
    {
        if (Vars.TryGetValue(name, out slot))
        {
            return true;
        }

        if (Parent is not null && Parent.TryLookupFrom(name, ParentPosition, out slot))
        {
            Captured.Add(slot);
            return true;
        }

        return false;
    }

    private bool TryLookupFrom(string name, int position, out int slot)
    {
        if (Vars.TryGetValue(name, out slot) && !(DeclaredAt.TryGetValue(name, out var at) && at > position))
        {
            return true;
        }

        if (Parent is not null && Parent.TryLookupFrom(name, ParentPosition, out slot))
        {
            Captured.Add(slot);
            return true;
        }

        return false;
    }
}
