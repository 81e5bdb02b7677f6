using System.Globalization;
using System.Numerics;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>An IP network as Go's net.IPNet: IPv4 networks use 4-byte addresses and masks, IPv6 16.</summary>
internal sealed record GoIPNet(byte[] Ip, byte[] Mask)
{
    public int PrefixLength => Mask.Sum(b => BitOperations.PopCount(b));

    public int Bits => Mask.Length * 8;

    /// <summary>Go's IPNet.Contains (an IPv4-mapped IPv6 address matches an IPv4 network).</summary>
    public bool Contains(byte[] ip)
    {
        var network = GoNet.To4(Ip) ?? (Ip.Length == 16 ? Ip : null);
        if (network is null)
        {
            return false;
        }

        var mask = Mask;
        if (mask.Length == 16 && network.Length == 4)
        {
            mask = mask[12..];
        }
        else if (mask.Length == 4 && network.Length != 4)
        {
            return false;
        }

        var candidate = GoNet.To4(ip) ?? ip;
        if (candidate.Length != network.Length)
        {
            return false;
        }

        for (var i = 0; i < candidate.Length; i++)
        {
            if ((network[i] & mask[i]) != (candidate[i] & mask[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first and last address of the network as integers.</summary>
    public (BigInteger First, BigInteger Last) Range
    {
        get
        {
            var first = GoNet.ToInteger(GoNet.ApplyMask(Ip, Mask));
            var hostBits = Bits - PrefixLength;
            return (first, first | ((BigInteger.One << hostBits) - 1));
        }
    }

    public override string ToString()
    {
        var ip = GoNet.To4(Ip) ?? Ip;
        return GoNet.Format(ip) + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);
    }
}
