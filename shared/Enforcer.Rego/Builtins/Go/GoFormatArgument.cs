using System.Numerics;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>The Go types OPA's sprintf hands to fmt.Sprintf: int, *big.Int, float64 or string.</summary>
internal enum GoFormatArgumentKind
{
    Integer,
    BigInteger,
    Float,
    String,
}

/// <summary>One sprintf operand, typed the way OPA converts Rego values before calling Go's fmt.</summary>
internal readonly record struct GoFormatArgument(GoFormatArgumentKind Kind, long Integer, BigInteger Big, double Float, string Text)
{
    public static GoFormatArgument FromInteger(long value) => new(GoFormatArgumentKind.Integer, value, default, 0, string.Empty);

    public static GoFormatArgument FromBigInteger(BigInteger value) => new(GoFormatArgumentKind.BigInteger, 0, value, 0, string.Empty);

    public static GoFormatArgument FromFloat(double value) => new(GoFormatArgumentKind.Float, 0, default, value, string.Empty);

    public static GoFormatArgument FromString(string value) => new(GoFormatArgumentKind.String, 0, default, 0, value);

    /// <summary>The Go type name fmt prints in diagnostics such as <c>%!d(string=x)</c>.</summary>
    public string GoTypeName => Kind switch
    {
        GoFormatArgumentKind.Integer => "int",
        GoFormatArgumentKind.BigInteger => "*big.Int",
        GoFormatArgumentKind.Float => "float64",
        _ => "string",
    };
}
