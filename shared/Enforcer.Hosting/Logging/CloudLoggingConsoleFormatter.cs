using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Enforcer.Hosting.Logging;

/// <summary>
/// Writes one JSON object per line in the shape Cloud Logging parses from a container's stdout:
/// <c>severity</c>, <c>message</c>, <c>logging.googleapis.com/trace</c>, plus the message template's
/// named holes and scope values as fields.
/// </summary>
public sealed class CloudLoggingConsoleFormatter(TimeProvider timeProvider) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "cloud-logging";
    public const string TraceKey = "logging.googleapis.com/trace";
    public const string SpanKey = "logging.googleapis.com/spanId";

    public CloudLoggingConsoleFormatter()
        : this(TimeProvider.System)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? string.Empty;
        if (logEntry.Exception is not null)
        {
            // Error Reporting picks up stack traces that are part of the message text.
            message = message.Length == 0 ? logEntry.Exception.ToString() : message + "\n" + logEntry.Exception;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("severity", Severity(logEntry.LogLevel));
            json.WriteString("message", message);
            json.WriteString("time", timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("logger", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                json.WriteNumber("eventId", logEntry.EventId.Id);
            }

            var written = new HashSet<string>(StringComparer.Ordinal) { "severity", "message", "time", "logger", "eventId" };
            scopeProvider?.ForEachScope((scope, w) => WriteFields(scope, w.json, w.written), (json, written));
            WriteFields(logEntry.State, json, written);
            json.WriteEndObject();
        }

        textWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write('\n');
    }

    private static void WriteFields(object? state, Utf8JsonWriter json, HashSet<string> written)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            return;
        }

        foreach (var (key, value) in pairs)
        {
            if (key == "{OriginalFormat}" || !written.Add(key))
            {
                continue;
            }

            json.WritePropertyName(key);
            WriteValue(json, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                json.WriteNumberValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonElement element:
                element.WriteTo(json);
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    internal static string Severity(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARNING",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRITICAL",
        _ => "DEFAULT",
    };
}
