using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>The Rego/JSON <c>null</c>.</summary>
public sealed class NullValue : Value
{
    public static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    public override ValueKind Kind => ValueKind.Null;

    private protected override int CompareSameKind(Value other) => 0;

    public override int GetHashCode() => 0x6e756c;

    public override void WriteTerm(StringBuilder builder) => builder.Append("null");
}
