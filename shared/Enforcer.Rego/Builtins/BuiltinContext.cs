namespace Enforcer.Rego.Builtins;

/// <summary>
/// Everything a builtin may need besides its operands. One context lives for one query evaluation;
/// the interpreter sets <see cref="BuiltinName"/> before each call.
/// </summary>
public sealed class BuiltinContext
{
    private Dictionary<string, object>? _cache;

    public BuiltinContext(TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        CancellationToken = cancellationToken;
    }

    /// <summary>The clock; time builtins must use it (never the wall clock directly).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Cancellation for long-running builtins (regex over big inputs, graph walks...).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>When true, builtin errors stop evaluation instead of becoming Undefined.</summary>
    public bool StrictBuiltinErrors { get; init; }

    /// <summary>Where <c>print</c> output goes; null discards it.</summary>
    public Action<string>? PrintSink { get; init; }

    /// <summary>Name of the builtin currently being called (for error messages).</summary>
    public string BuiltinName { get; set; } = string.Empty;

    /// <summary>
    /// Per-query memo: returns the cached object for <paramref name="key"/> or creates it once.
    /// <c>time.now_ns</c> uses it so every call in one query sees the same instant, as in OPA.
    /// </summary>
    public T GetOrAdd<T>(string key, Func<BuiltinContext, T> factory)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(factory);
        _cache ??= new Dictionary<string, object>(StringComparer.Ordinal);
        if (_cache.TryGetValue(key, out var existing))
        {
            return (T)existing;
        }

        var created = factory(this);
        _cache[key] = created;
        return created;
    }
}
