namespace Enforcer.Rego.Values;

/// <summary>OPA's total order over values, for sorting and binary search.</summary>
public sealed class ValueComparer : IComparer<Value>, IEqualityComparer<Value>
{
    public static readonly ValueComparer Instance = new();

    public int Compare(Value? x, Value? y) => x is null ? (y is null ? 0 : -1) : y is null ? 1 : Value.Compare(x, y);

    public bool Equals(Value? x, Value? y) => x == y;

    public int GetHashCode(Value obj) => obj.GetHashCode();
}
