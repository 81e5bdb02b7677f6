using System.Globalization;
using System.Text;

namespace Enforcer.Policies.Docs;

/// <summary>
/// Renders docs/policies.md from policy metadata, so the page cannot drift from the library
/// (<c>enforcer policies docs</c> writes it; <c>--check</c> and a test compare it).
/// </summary>
public static class PolicyDocsGenerator
{
    /// <summary>The whole page, with "\n" line ends.</summary>
    public static string Generate(IReadOnlyList<PolicyMetadata> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var ordered = policies.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("# Policies\n\n");
        sb.Append("<!-- Generated from the policies' metadata by `enforcer policies docs`; do not edit by hand. -->\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{ordered.Count} policies ({ordered.Count(p => p.Remediable)} with an automatic fix, ");
        sb.Append(CultureInfo.InvariantCulture, $"{ordered.Count(p => p.Destructive)} of them destructive and off unless `remediation.allow_destructive` is set). ");
        sb.Append("How they are evaluated and configured: [policy/README.md](../policy/README.md); how to write one: [writing-policies.md](writing-policies.md).\n\n");

        sb.Append("| id | severity | code | applies to | fix |\n| --- | --- | --- | --- | --- |\n");
        foreach (var p in ordered)
        {
            var fix = !p.Remediable ? "report only" : p.Destructive ? "automatic (destructive)" : "automatic";
            sb.Append(CultureInfo.InvariantCulture, $"| [{p.Id}](#{p.Id}) | {PolicyJson.SeverityName(p.Severity)} | {p.ErrorCode} | {string.Join("<br>", p.AppliesTo.Select(ShortType))} | {fix} |\n");
        }

        foreach (var group in ordered.GroupBy(p => Service(p.AppliesTo.Count > 0 ? p.AppliesTo[0] : "other")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n## {group.Key}\n");
            foreach (var p in group)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n### {p.Id}\n\n");
                sb.Append(CultureInfo.InvariantCulture, $"**{Escape(p.Title)}** · {PolicyJson.SeverityName(p.Severity)} · `{p.ErrorCode}`\n\n");
                sb.Append(CultureInfo.InvariantCulture, $"- Checks: {Escape(p.Description)}\n");
                sb.Append(CultureInfo.InvariantCulture, $"- Applies to: {string.Join(", ", p.AppliesTo.Select(t => $"`{t}`"))}\n");
                var fixText = p.Remediable ? Escape(p.Fix) + (p.Destructive ? " Destructive: planned only when `remediation.allow_destructive` is true." : string.Empty) : "None; reported for a person to fix.";
                sb.Append(CultureInfo.InvariantCulture, $"- Fix: {fixText}\n");
                if (p.References.Count > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- References: {Escape(string.Join("; ", p.References))}\n");
                }
            }
        }

        return sb.ToString();
    }

    private static string ShortType(string assetType) => $"`{assetType.Replace(".googleapis.com", string.Empty, StringComparison.Ordinal)}`";

    private static string Service(string assetType)
    {
        var slash = assetType.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? assetType : assetType[..slash];
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
