using System.Text;

namespace Enforcer.Rego.Values;

/// <summary>A Rego boolean; only the two shared instances exist.</summary>
public sealed class BooleanValue : Value
{
    public static new readonly BooleanValue True = new(true);
    public static new readonly BooleanValue False = new(false);

    private BooleanValue(bool value) => Value = value;

    public bool Value { get; }

    public override ValueKind Kind => ValueKind.Boolean;

    private protected override int CompareSameKind(Value other) => Value.CompareTo(((BooleanValue)other).Value);

    private protected override bool EqualsSameKind(Value other) => ReferenceEquals(this, other);

    public override int GetHashCode() => Value ? 0x7472 : 0x6661;

    public override void WriteTerm(StringBuilder builder) => builder.Append(Value ? "true" : "false");
}
