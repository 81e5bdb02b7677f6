using System.Globalization;
using System.Text.RegularExpressions;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>semver.is_valid and semver.compare (SemVer 2.0 precedence; a leading "v" is accepted, as OPA does).</summary>
public static partial class BuiltinRegistry
{
    static partial void RegisterSemver(BuiltinTableBuilder builtins)
    {
        builtins.Add("semver.is_valid", 1, static (_, a) => Value.From(a[0] is StringValue s && SemverParse(s.Value) is not null), ["any"], "boolean");
        builtins.Add("semver.compare", 2, SemverCompare, ["string", "string"], "number");
    }

    private static BuiltinResult SemverCompare(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!OperandString(context, args[0], 1, out var a, out var error) ||
            !OperandString(context, args[1], 2, out var b, out error))
        {
            return error;
        }

        var va = SemverParse(a);
        if (va is null)
        {
            return BuiltinResult.Fail(context, $"operand 1: string {Go.GoQuote.Quote(a)} is not a valid SemVer");
        }

        var vb = SemverParse(b);
        if (vb is null)
        {
            return BuiltinResult.Fail(context, $"operand 2: string {Go.GoQuote.Quote(b)} is not a valid SemVer");
        }

        return Value.From(SemverOrder(va.Value, vb.Value));
    }

    private static (long Major, long Minor, long Patch, string Pre)? SemverParse(string version)
    {
        if (version.StartsWith('v'))
        {
            version = version[1..];
        }

        var plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            var metadata = version[(plus + 1)..];
            version = version[..plus];
            if (metadata.Length > 0 && !SemverIdentifiers().IsMatch(metadata))
            {
                return null;
            }
        }

        var pre = string.Empty;
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            pre = version[(dash + 1)..];
            version = version[..dash];
            if (pre.Length > 0 && !SemverIdentifiers().IsMatch(pre))
            {
                return null;
            }
        }

        var parts = version.Split('.');
        if (parts.Length != 3 ||
            !SemverNumber(parts[0], out var major) || !SemverNumber(parts[1], out var minor) || !SemverNumber(parts[2], out var patch))
        {
            return null;
        }

        return (major, minor, patch, pre);
    }

    /// <summary>Go's strconv.ParseInt(s, 10, 64): optional sign, ASCII digits.</summary>
    private static bool SemverNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && !text.StartsWith(' ');

    [GeneratedRegex("^[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SemverIdentifiers();

    private static int SemverOrder((long Major, long Minor, long Patch, string Pre) a, (long Major, long Minor, long Patch, string Pre) b)
    {
        var c = a.Major.CompareTo(b.Major);
        if (c == 0)
        {
            c = a.Minor.CompareTo(b.Minor);
        }

        if (c == 0)
        {
            c = a.Patch.CompareTo(b.Patch);
        }

        if (c != 0)
        {
            return Math.Sign(c);
        }

        if (a.Pre == b.Pre)
        {
            return 0;
        }

        // A version without a pre-release outranks one with.
        if (a.Pre.Length == 0)
        {
            return 1;
        }

        if (b.Pre.Length == 0)
        {
            return -1;
        }

        var x = a.Pre.Split('.');
        var y = b.Pre.Split('.');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var xNumeric = x[i].All(char.IsAsciiDigit);
            var yNumeric = y[i].All(char.IsAsciiDigit);
            int order;
            if (xNumeric && yNumeric)
            {
                order = System.Numerics.BigInteger.Parse(x[i], CultureInfo.InvariantCulture).CompareTo(System.Numerics.BigInteger.Parse(y[i], CultureInfo.InvariantCulture));
            }
            else if (xNumeric != yNumeric)
            {
                // Numeric identifiers sort before alphanumeric ones.
                order = xNumeric ? -1 : 1;
            }
            else
            {
                order = string.CompareOrdinal(x[i], y[i]);
            }

            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
