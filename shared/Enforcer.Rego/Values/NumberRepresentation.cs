namespace Enforcer.Rego.Values;

/// <summary>How a <see cref="NumberValue"/> stores its magnitude.</summary>
public enum NumberRepresentation
{
    Int64,
    BigInteger,
    Decimal,
    Double,
}
