using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Tests.Notifications;

/// <summary>Keeps log entries (level, rendered message, template fields) for assertions.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyList<LoggedEntry> Entries => [.. _entries];

    public IReadOnlyList<LoggedEntry> Errors => [.. _entries.Where(e => e.Level == LogLevel.Error)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        _entries.Enqueue(new LoggedEntry(logLevel, formatter(state, exception), fields));
    }
}
