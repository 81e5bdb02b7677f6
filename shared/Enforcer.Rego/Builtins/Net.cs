using System.Numerics;
using Enforcer.Rego.Builtins.Go;
using Enforcer.Rego.Values;

namespace Enforcer.Rego.Builtins;

/// <summary>CIDR builtins with Go's net package parsing (IPv4-mapped addresses match IPv4 networks).</summary>
public static partial class BuiltinRegistry
{
    /// <summary>The most addresses net.cidr_expand produces.</summary>
    private const int NetMaxExpand = 1 << 22;

    static partial void RegisterNet(BuiltinTableBuilder builtins)
    {
        builtins.Add("net.cidr_contains", 2, NetCidrContains, ["string", "string"], "boolean");
        builtins.Add("net.cidr_overlap", 2, NetCidrContains, ["string", "string"], "boolean");
        builtins.Add("net.cidr_intersects", 2, NetCidrIntersects, ["string", "string"], "boolean");
        builtins.Add("net.cidr_contains_matches", 2, NetCidrContainsMatches, ["any", "any"], "set");
        builtins.Add("net.cidr_expand", 1, NetCidrExpand, ["string"], "set");
        builtins.Add("net.cidr_is_valid", 1, static (_, a) => Value.From(a[0] is StringValue s && GoNet.ParseCIDR(s.Value, out var _) is not null), ["any"], "boolean");
        builtins.Add("net.cidr_merge", 1, NetCidrMerge, ["any"], "set");
    }

    private static bool NetCidr(BuiltinContext context, Value value, out GoIPNet network, out BuiltinResult error)
    {
        network = null!;
        if (!OperandString(context, value, 1, out var text, out error))
        {
            return false;
        }

        var parsed = GoNet.ParseCIDR(text, out var message);
        if (parsed is null)
        {
            error = BuiltinResult.Fail(context, message!);
            return false;
        }

        network = parsed;
        return true;
    }

    private static BuiltinResult NetCidrContains(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!NetCidr(context, args[0], out var network, out var error) ||
            !OperandString(context, args[1], 1, out var other, out error))
        {
            return error;
        }

        return NetContains(context, network, other);
    }

    private static BuiltinResult NetContains(BuiltinContext context, GoIPNet network, string other)
    {
        var ip = GoNet.ParseIP(other);
        if (ip is not null)
        {
            return Value.From(network.Contains(ip));
        }

        var inner = GoNet.ParseCIDR(other, out _);
        if (inner is null)
        {
            return BuiltinResult.Fail(context, $"not a valid textual representation of an IP address or CIDR: {other}");
        }

        // Contained when both the first and the last address of the inner network are.
        var (_, last) = inner.Range;
        return Value.From(network.Contains(inner.Ip) && network.Contains(GoNet.FromInteger(last, inner.Ip.Length)));
    }

    private static BuiltinResult NetCidrIntersects(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!NetCidr(context, args[0], out var a, out var error) ||
            !NetCidr(context, args[1], out var b, out error))
        {
            return error;
        }

        return Value.From(a.Contains(b.Ip) || b.Contains(a.Ip));
    }

    private static BuiltinResult NetCidrContainsMatches(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!NetMatchOperand(context, args[0], 1, out var cidrs, out var error) ||
            !NetMatchOperand(context, args[1], 2, out var candidates, out error))
        {
            return error;
        }

        var result = new List<Value>();
        foreach (var (cidr, cidrKey) in cidrs)
        {
            foreach (var (candidate, candidateKey) in candidates)
            {
                var contains = NetCidrContains(context, [cidr, candidate]);
                if (contains.Error is not null)
                {
                    return contains;
                }

                if (contains.Value == Value.True)
                {
                    result.Add(new ArrayValue([cidrKey, candidateKey]));
                }
            }
        }

        return SetValue.Create(result);
    }

    /// <summary>
    /// The (value, key) pairs of a cidr_contains_matches operand: a string is its own key; array
    /// elements are keyed by index, set elements by themselves, object values by their key. An
    /// array element may itself be a tuple whose first item is the address.
    /// </summary>
    private static bool NetMatchOperand(BuiltinContext context, Value operand, int position, out List<(Value Value, Value Key)> items, out BuiltinResult error)
    {
        items = [];
        error = default;
        switch (operand)
        {
            case StringValue:
                items.Add((operand, operand));
                return true;
            case ArrayValue array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (!NetMatchTerm(context, array[i], position, out var term, out error))
                    {
                        return false;
                    }

                    items.Add((term, Value.From(i)));
                }

                return true;
            case SetValue set:
                foreach (var element in set.AsSpan())
                {
                    if (!NetMatchTerm(context, element, position, out var term, out error))
                    {
                        return false;
                    }

                    items.Add((term, element));
                }

                return true;
            case ObjectValue obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    if (!NetMatchTerm(context, obj.Values[i], position, out var term, out error))
                    {
                        return false;
                    }

                    items.Add((term, obj.Keys[i]));
                }

                return true;
            default:
                return true;
        }
    }

    private static bool NetMatchTerm(BuiltinContext context, Value element, int position, out Value term, out BuiltinResult error)
    {
        error = default;
        switch (element)
        {
            case StringValue:
                term = element;
                return true;
            case ArrayValue { Count: > 0 } tuple:
                term = tuple[0];
                return true;
            default:
                term = Value.Null;
                error = BuiltinResult.Fail(context, $"operand {position}: element must be string or non-empty array");
                return false;
        }
    }

    private static BuiltinResult NetCidrExpand(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (!NetCidr(context, args[0], out var network, out var error))
        {
            return error;
        }

        var (first, last) = network.Range;
        if (last - first >= NetMaxExpand)
        {
            return BuiltinResult.Fail(context, "too many addresses to expand");
        }

        var addresses = new List<Value>();
        for (var address = first; address <= last; address++)
        {
            if ((addresses.Count & 0xFFF) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            addresses.Add(new StringValue(GoNet.Format(GoNet.FromInteger(address, network.Ip.Length))));
        }

        return SetValue.Create(addresses);
    }

    private static BuiltinResult NetCidrMerge(BuiltinContext context, ReadOnlySpan<Value> args)
    {
        if (args[0] is not ArrayValue and not SetValue)
        {
            return BuiltinResult.Fail(context, "operand must be an array");
        }

        var blocks = new List<NetBlock>();
        foreach (var item in OperandItems(args[0]))
        {
            if (item is not StringValue s)
            {
                return BuiltinResult.Fail(context, "element must be string");
            }

            var ip = GoNet.ParseIP(s.Value);
            if (ip is not null)
            {
                var v4 = GoNet.To4(ip);
                if (v4 is null)
                {
                    return BuiltinResult.Fail(context, "IPv6 invalid: needs prefix length");
                }

                // A bare IPv4 address takes its classful default mask, as Go's IP.DefaultMask.
                var ones = v4[0] < 0x80 ? 8 : v4[0] < 0xC0 ? 16 : 24;
                var mask = GoNet.CidrMask(ones, 32);
                var first = GoNet.ToInteger(GoNet.ApplyMask(v4, mask));
                blocks.Add(new NetBlock(false, first, first | ((BigInteger.One << (32 - ones)) - 1), GoNet.Format(v4) + "/" + ones));
                continue;
            }

            var network = GoNet.ParseCIDR(s.Value, out var message);
            if (network is null)
            {
                return BuiltinResult.Fail(context, message!);
            }

            var (lo, hi) = network.Range;
            blocks.Add(new NetBlock(network.Ip.Length == 16, lo, hi, network.ToString()));
        }

        var result = new List<Value>();
        foreach (var family in blocks.GroupBy(b => b.IsV6))
        {
            foreach (var text in NetMergeFamily([.. family], family.Key))
            {
                result.Add(new StringValue(text));
            }
        }

        return SetValue.Create(result);
    }

    private sealed record NetBlock(bool IsV6, BigInteger First, BigInteger Last, string? Text);

    /// <summary>Sorts by last then first address, folds overlapping or adjacent ranges, re-splits merged ranges into CIDRs.</summary>
    private static IEnumerable<string> NetMergeFamily(List<NetBlock> blocks, bool v6)
    {
        blocks.Sort((a, b) => a.Last != b.Last ? a.Last.CompareTo(b.Last) : a.First.CompareTo(b.First));
        for (var i = blocks.Count - 1; i > 0; i--)
        {
            var previous = blocks[i].First.IsZero ? BigInteger.Zero : blocks[i].First - 1;
            if (previous <= blocks[i - 1].Last)
            {
                var first = BigInteger.Min(blocks[i - 1].First, blocks[i].First);
                blocks[i - 1] = new NetBlock(v6, first, blocks[i].Last, null);
                blocks.RemoveAt(i);
            }
        }

        var bits = v6 ? 128 : 32;
        foreach (var block in blocks)
        {
            if (block.Text is not null)
            {
                yield return block.Text;
                continue;
            }

            // Largest aligned blocks from the start of the range.
            var start = block.First;
            while (start <= block.Last)
            {
                var size = 0;
                while (size < bits && (start & ((BigInteger.One << (size + 1)) - 1)).IsZero && start + (BigInteger.One << (size + 1)) - 1 <= block.Last)
                {
                    size++;
                }

                yield return GoNet.Format(GoNet.FromInteger(start, bits / 8)) + "/" + (bits - size);
                start += BigInteger.One << size;
            }
        }
    }
}
