namespace Enforcer.Rego.Compilation;

/// <summary>Hands out frame slots for one rule (all its scopes share one frame) and remembers names.</summary>
internal sealed class SlotAllocator
{
    public List<string> Names { get; } = [];

    public int Count => Names.Count;

    public int Next(string name)
    {
        Names.Add(name);
        return Names.Count - 1;
    }
}
