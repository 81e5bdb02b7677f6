using System.Security.Cryptography;
using System.Text;

namespace Enforcer.Core.Storage;

/// <summary>Document ids derived from natural keys (resource names contain slashes, which Firestore ids cannot).</summary>
public static class StoreKeys
{
    /// <summary>A short stable id: prefix plus the first 128 bits of SHA-256 of the parts joined by newlines.</summary>
    public static string Of(string prefix, params string?[] parts)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)), digest);
        return prefix + "-" + Convert.ToHexStringLower(digest[..16]);
    }

    public static string Violation(string resourceName, string policyId) => Of("v", resourceName, policyId);

    public static string Quarantine(string resourceName) => Of("q", resourceName);
}
