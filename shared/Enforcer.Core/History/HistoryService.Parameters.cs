using System.Globalization;
using System.Text.RegularExpressions;
using Enforcer.Core.Storage;

namespace Enforcer.Core.History;

// Parameter validation: every value is checked and normalized before any store call; a failure is a one-line reason.
public sealed partial class HistoryService
{
    /// <summary>Severities as the policies spell them.</summary>
    public static readonly IReadOnlyList<string> Severities = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

    /// <summary>Remediation record statuses.</summary>
    public static readonly IReadOnlyList<string> RemediationStatuses =
    [
        RemediationRecord.Running, RemediationRecord.Succeeded, RemediationRecord.Skipped, RemediationRecord.DryRun,
        RemediationRecord.Failed, RemediationRecord.DeadLettered, RemediationRecord.Quarantined, RemediationRecord.Deferred,
    ];

    private static (int Limit, string? Error) ParsePageSize(string? text)
    {
        if (text is null)
        {
            return (DefaultPageSize, null);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxPageSize
            ? (limit, null)
            : (0, $"page_size must be an integer from 1 to {MaxPageSize}");
    }

    private static string? CheckResourceName(string name, string parameter) =>
        name.Length is < 3 or > 2048 || !name.StartsWith("//", StringComparison.Ordinal) || name.Any(char.IsControl) || name.Any(char.IsWhiteSpace)
            ? $"{parameter} must be a full resource name such as //storage.googleapis.com/my-bucket"
            : null;

    private static string? CheckProject(string project) =>
        ProjectPattern().IsMatch(project) ? null : "project must be a project id (lowercase letters, digits, hyphens; optionally domain-scoped)";

    private static string? CheckPolicy(string policy) =>
        PolicyPattern().IsMatch(policy) ? null : "policy must be a policy id (letters, digits, '_', '-', '.'; at most 128)";

    private static (string? Value, string? Error) ParseChoice(string? text, string parameter, IReadOnlyList<string> choices)
    {
        if (text is null)
        {
            return (null, null);
        }

        var match = choices.FirstOrDefault(c => c.Equals(text, StringComparison.OrdinalIgnoreCase));
        return match is null ? (null, $"{parameter} must be one of {string.Join(", ", choices)}") : (match, null);
    }

    /// <summary>RFC 3339 times (2026-11-20T09:00:00Z, with an offset, or a date meaning midnight UTC) or a look-back such as 30m, 24h, 7d.</summary>
    private (DateTimeOffset? Value, string? Error) ParseTime(string? text, string parameter)
    {
        if (text is null)
        {
            return (null, null);
        }

        var relative = RelativePattern().Match(text);
        if (relative.Success && int.TryParse(relative.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= 100_000)
        {
            var span = relative.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return (timeProvider.GetUtcNow() - span, null);
        }

        if (TimestampPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return (value, null);
        }

        return (null, $"{parameter} must be an RFC 3339 time (2026-11-20T09:00:00Z), a date (2026-11-20) or a look-back (30m, 24h, 7d)");
    }

    private (DateTimeOffset? Since, DateTimeOffset? Until, string? Error) ParseWindow(QueryParameters parameters)
    {
        var (since, sinceError) = ParseTime(parameters["since"], "since");
        var (until, untilError) = ParseTime(parameters["until"], "until");
        if ((sinceError ?? untilError) is { } error)
        {
            return (null, null, error);
        }

        return since is not null && until is not null && since >= until
            ? (null, null, "since must be earlier than until")
            : (since, until, null);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.:-]{0,99}$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex PolicyPattern();

    [GeneratedRegex("^([0-9]{1,6})([mhd])$")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|z|[+-][0-9]{2}:[0-9]{2}))?$")]
    private static partial Regex TimestampPattern();
}
