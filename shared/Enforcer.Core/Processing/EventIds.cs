using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enforcer.Core.Processing;

/// <summary>
/// Derives record ids that stay the same across duplicate deliveries: overlapping log sinks deliver
/// the same LogEntry (same insertId) under different message ids, so the insertId wins when present.
/// </summary>
public static class EventIds
{
    public static string ForLogEntry(string insertId, string? timestamp) => Hash("log", insertId + "|" + timestamp);

    public static string ForDelivery(string kind, string deliveryId) => Hash(kind, deliveryId);

    /// <summary>For payloads with no natural id: the id of their canonical bytes.</summary>
    public static string ForPayload(string kind, JsonElement payload) => Hash(kind, payload.GetRawText());

    private static string Hash(string kind, string key)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key), digest);
        return kind + "-" + Convert.ToHexStringLower(digest[..16]);
    }
}
