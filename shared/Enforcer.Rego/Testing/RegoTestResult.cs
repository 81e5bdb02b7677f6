using Enforcer.Rego.Diagnostics;

namespace Enforcer.Rego.Testing;

/// <summary>One test rule's result.</summary>
/// <param name="Package">Package path, e.g. <c>data.gcs.bucket_test</c>.</param>
/// <param name="Name">Rule name, e.g. <c>test_public_bucket_denied</c>.</param>
/// <param name="Outcome">Pass, fail (undefined or false), error, or skip (<c>todo_</c> prefix).</param>
/// <param name="Duration">Evaluation time.</param>
/// <param name="Message">Error text or print output, when any.</param>
/// <param name="Location">Where the rule is defined.</param>
public sealed record RegoTestResult(string Package, string Name, RegoTestOutcome Outcome, TimeSpan Duration, string? Message, SourceSpan Location)
{
    public string FullName => $"{Package}.{Name}";
}
