using System.Globalization;
using System.Text.Json;
using Enforcer.Enforcement.Remediation;

namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// Builds Slack incoming-webhook payloads (Block Kit, with a plain-text fallback for notifications and clients that
/// cannot show blocks). Written with Utf8JsonWriter: no reflection, and every user-supplied string escaped for mrkdwn.
/// </summary>
public static class SlackMessages
{
    /// <summary>Violations shown in one message; the rest are counted (Slack allows 50 blocks per message).</summary>
    public const int MaxFindingsPerMessage = 10;

    private const int MaxFieldText = 1900;
    private const int MaxSectionText = 2900;

    /// <summary>One message for the violations of one event, most severe first.</summary>
    public static byte[] ForFindings(IReadOnlyList<Finding> violations, Uri? historyUrl)
    {
        ArgumentOutOfRangeException.ThrowIfZero(violations.Count);
        var shown = violations.Take(MaxFindingsPerMessage).ToList();
        var first = shown[0];
        var fallback = violations.Count == 1
            ? $"[{first.Severity}] {first.PolicyId} violated by {first.ResourceName} ({first.Action})"
            : $"[{first.Severity}] {violations.Count} policy violations, first: {first.PolicyId} on {first.ResourceName}";

        return Write(json =>
        {
            json.WriteString("text", fallback);
            json.WriteStartArray("blocks");
            Header(json, violations.Count == 1 ? $"Policy violation ({first.Severity})" : $"{violations.Count} policy violations");
            foreach (var finding in shown)
            {
                json.WriteStartObject();
                json.WriteString("type", "divider");
                json.WriteEndObject();
                FindingBlocks(json, finding, historyUrl);
            }

            if (violations.Count > shown.Count)
            {
                Context(json, [$"…and {(violations.Count - shown.Count).ToString(CultureInfo.InvariantCulture)} more in the same event"]);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>One message for an operator alert (quarantine, dead letter).</summary>
    public static byte[] ForAlert(Alert alert, Uri? historyUrl)
    {
        var fallback = $"Enforcer alert: {alert.Kind} on {alert.ResourceName} ({alert.PolicyId}): {alert.Message}";
        return Write(json =>
        {
            json.WriteString("text", fallback);
            json.WriteStartArray("blocks");
            Header(json, $"Enforcer alert: {alert.Kind}");
            json.WriteStartObject();
            json.WriteString("type", "section");
            json.WriteStartArray("fields");
            Field(json, "Resource", Code(alert.ResourceName));
            Field(json, "Policy", Escape(alert.PolicyId));
            Field(json, "Kind", Escape(alert.Kind));
            Field(json, "At", alert.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
            json.WriteEndArray();
            json.WriteEndObject();
            Section(json, Escape(alert.Message));
            if (historyUrl is not null)
            {
                Context(json, [Link(HistoryLink(historyUrl, alert.ResourceName), "History of this resource")]);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>The Cloud Console home of a project.</summary>
    public static Uri ConsoleLink(string projectId) =>
        new("https://console.cloud.google.com/home/dashboard?project=" + Uri.EscapeDataString(projectId));

    /// <summary>History's violation list for one resource.</summary>
    public static Uri HistoryLink(Uri historyUrl, string resourceName)
    {
        var root = historyUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/v1/violations?resource={Uri.EscapeDataString(resourceName)}");
    }

    /// <summary>Escapes the three characters Slack's mrkdwn treats as control characters.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void FindingBlocks(Utf8JsonWriter json, Finding finding, Uri? historyUrl)
    {
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WriteStartArray("fields");
        Field(json, "Resource", Code(finding.ResourceName) + "\n" + Escape(finding.AssetType));
        Field(json, "Policy", $"{Escape(finding.PolicyId)}\n{Escape(finding.Title)}");
        Field(json, "Severity", Escape(finding.Severity));
        var reason = finding.Reasons.Count > 0 ? "\n" + Escape(finding.Reasons[0]) : string.Empty;
        Field(json, "Decision", $"*{Escape(finding.Action)}*{reason}");
        json.WriteEndArray();
        json.WriteEndObject();

        if (finding.Message.Length > 0)
        {
            Section(json, Escape(finding.Message));
        }

        var context = new List<string>();
        if (finding.ProjectId is { Length: > 0 } project)
        {
            context.Add(Link(ConsoleLink(project), $"Project {project} in Cloud Console"));
        }

        if (historyUrl is not null)
        {
            context.Add(Link(HistoryLink(historyUrl, finding.ResourceName), "History"));
        }

        if (finding.Principal is { Length: > 0 } principal)
        {
            context.Add("Changed by " + Escape(principal));
        }

        context.Add("Event " + Escape(finding.EventId));
        Context(json, context);
    }

    private static void Header(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", "header");
        json.WriteStartObject("text");
        json.WriteString("type", "plain_text");
        json.WriteString("text", Truncate(text, 150));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Section(Utf8JsonWriter json, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WriteStartObject("text");
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", Truncate(mrkdwn, MaxSectionText));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter json, string label, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", Truncate($"*{label}*\n{mrkdwn}", MaxFieldText));
        json.WriteEndObject();
    }

    private static void Context(Utf8JsonWriter json, IReadOnlyList<string> elements)
    {
        json.WriteStartObject();
        json.WriteString("type", "context");
        json.WriteStartArray("elements");
        foreach (var element in elements)
        {
            json.WriteStartObject();
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", Truncate(element, MaxFieldText));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Backticks cannot be escaped inside Slack code spans; a resource name never holds one, but stay safe.
    private static string Code(string text) => "`" + Escape(text).Replace('`', '\'') + "`";

    private static string Link(Uri url, string label) => $"<{url.AbsoluteUri.Replace("|", "%7C", StringComparison.Ordinal)}|{Escape(label)}>";

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
