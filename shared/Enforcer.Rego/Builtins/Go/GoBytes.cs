using System.Text;

namespace Enforcer.Rego.Builtins.Go;

/// <summary>Go's view of byte strings: decoding replaces each invalid UTF-8 byte with U+FFFD (one per byte).</summary>
internal static class GoBytes
{
    public static string ToText(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                builder.Append(rune.ToString());
                bytes = bytes[consumed..];
            }
            else
            {
                builder.Append('\uFFFD');
                bytes = bytes[1..];
            }
        }

        return builder.ToString();
    }

    public static byte[] FromText(string text) => Encoding.UTF8.GetBytes(text);
}
