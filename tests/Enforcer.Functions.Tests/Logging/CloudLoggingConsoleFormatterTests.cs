using System.Text.Json;
using Enforcer.Hosting.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Enforcer.Functions.Tests.Logging;

public sealed class CloudLoggingConsoleFormatterTests
{
    private static JsonElement Format(LogLevel level, string template, object?[] args, Exception? exception = null, IDictionary<string, object?>? scope = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var formatter = new CloudLoggingConsoleFormatter(clock);
        var scopes = new LoggerExternalScopeProvider();
        using var pushed = scope is null ? null : scopes.Push(scope);
        var state = new LogValuesState(template, args);
        using var writer = new StringWriter();

        formatter.Write(new LogEntry<LogValuesState>(level, "Enforcer.Test", new EventId(0), state, exception, (s, _) => s.ToString()), scopes, writer);

        var line = writer.ToString();
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    [Theory]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARNING")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "CRITICAL")]
    public void Write_EachLevel_MapsToCloudLoggingSeverity(LogLevel level, string severity)
    {
        var json = Format(level, "Evaluated {Resource}", ["//storage.googleapis.com/b"]);

        Assert.Equal(severity, json.GetProperty("severity").GetString());
        Assert.Equal("Evaluated //storage.googleapis.com/b", json.GetProperty("message").GetString());
        Assert.Equal("//storage.googleapis.com/b", json.GetProperty("Resource").GetString());
        Assert.Equal("2026-11-20T09:00:00.0000000+00:00", json.GetProperty("time").GetString());
    }

    [Fact]
    public void Write_WithTraceScope_CarriesTraceField()
    {
        var json = Format(LogLevel.Information, "hello", [], scope: new Dictionary<string, object?>
        {
            [CloudLoggingConsoleFormatter.TraceKey] = "projects/p/traces/0af7651916cd43dd8448eb211c80319c",
        });

        Assert.Equal("projects/p/traces/0af7651916cd43dd8448eb211c80319c", json.GetProperty("logging.googleapis.com/trace").GetString());
    }

    [Fact]
    public void Write_WithException_PutsStackInMessageForErrorReporting()
    {
        var json = Format(LogLevel.Error, "failed", [], new InvalidOperationException("boom"));

        Assert.Contains("System.InvalidOperationException: boom", json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Cloud-Trace-Context", "0af7651916cd43dd8448eb211c80319c/12345;o=1", "0af7651916cd43dd8448eb211c80319c", "12345")]
    [InlineData("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331")]
    [InlineData("traceparent", "garbage", null, null)]
    [InlineData("X-Cloud-Trace-Context", "nothex/1", null, null)]
    public void TraceContext_Extract_ReadsEitherHeader(string header, string value, string? traceId, string? spanId)
    {
        var headers = new HeaderDictionary { [header] = value };

        var (actualTrace, actualSpan) = TraceContext.Extract(headers);

        Assert.Equal(traceId, actualTrace);
        Assert.Equal(spanId, actualSpan);
    }

    /// <summary>A minimal structured state like the one LoggerMessage produces: template holes as pairs.</summary>
    private sealed class LogValuesState(string template, object?[] args) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _pairs = Build(template, args);

        public int Count => _pairs.Count;

        public KeyValuePair<string, object?> this[int index] => _pairs[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _pairs.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            var text = template;
            foreach (var (key, value) in _pairs.Where(p => p.Key != "{OriginalFormat}"))
            {
                text = text.Replace("{" + key + "}", value?.ToString(), StringComparison.Ordinal);
            }

            return text;
        }

        private static List<KeyValuePair<string, object?>> Build(string template, object?[] args)
        {
            var names = System.Text.RegularExpressions.Regex.Matches(template, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToList();
            var pairs = names.Select((n, i) => new KeyValuePair<string, object?>(n, args[i])).ToList();
            pairs.Add(new("{OriginalFormat}", template));
            return pairs;
        }
    }
}
