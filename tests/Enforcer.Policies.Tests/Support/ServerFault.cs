namespace Enforcer.Policies.Tests.Support;

/// <summary>What <see cref="OpaTestServer"/> does instead of answering: wait, then reply with a status and body.</summary>
/// <param name="Status">Status to answer with; null to answer normally after the delay.</param>
/// <param name="Delay">How long to wait first.</param>
/// <param name="Body">Body to send with <paramref name="Status"/>.</param>
public sealed record ServerFault(int? Status, TimeSpan Delay = default, string? Body = null);
