namespace Enforcer.Core.Reading;

/// <summary>404/410: the resource no longer exists (treat like a delete: close open violations).</summary>
public sealed record ResourceGone(string Message) : ReadOutcome;
