namespace Enforcer.Functions.History;

/// <summary>The /config body: the running configuration with secrets redacted.</summary>
/// <param name="Function">The function's name.</param>
/// <param name="Environment">ENFORCER_* and the other variables the functions read, redacted.</param>
/// <param name="Store">firestore or memory.</param>
/// <param name="RetentionDays">Days before the TTL policy removes a record (Firestore only).</param>
/// <param name="PolicyEngine">embedded or opa, with its address or policy directory.</param>
/// <param name="Auth">How callers are checked.</param>
/// <param name="PageTokenKey">configured, or per-process (tokens then work only on the instance that issued them).</param>
internal sealed record ConfigResponse(
    string Function,
    IReadOnlyDictionary<string, string> Environment,
    string Store,
    int? RetentionDays,
    IReadOnlyDictionary<string, string> PolicyEngine,
    ConfigAuth Auth,
    string PageTokenKey);
