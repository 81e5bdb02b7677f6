namespace Enforcer.Hosting.Auth;

/// <summary>
/// Who may call, by the verified email of their identity token. Entries use IAM member spelling or plain emails:
/// <c>user:alice@example.com</c>, <c>serviceAccount:ci@proj.iam.gserviceaccount.com</c>, <c>alice@example.com</c>,
/// and <c>domain:example.com</c> for every account of a domain. Matching ignores case.
/// </summary>
public sealed class PrincipalAllowlist
{
    private readonly HashSet<string> _emails;
    private readonly HashSet<string> _domains;

    private PrincipalAllowlist(HashSet<string> emails, HashSet<string> domains, IReadOnlyList<string> entries)
    {
        _emails = emails;
        _domains = domains;
        Entries = entries;
    }

    /// <summary>The entries as configured (normalized to lower case).</summary>
    public IReadOnlyList<string> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>Parses a comma-separated list; an error names the first entry that is not an email or a known prefix.</summary>
    public static (PrincipalAllowlist? List, string? Error) Parse(string? text)
    {
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<string>();
        foreach (var raw in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = raw.ToLowerInvariant();
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var (kind, value) = colon < 0 ? ("user", entry) : (entry[..colon], entry[(colon + 1)..]);
            switch (kind)
            {
                case "user" or "serviceaccount" when IsEmail(value):
                    emails.Add(value);
                    break;
                case "domain" when value.Length > 0 && value.Contains('.', StringComparison.Ordinal) && !value.Contains('@', StringComparison.Ordinal):
                    domains.Add(value);
                    break;
                default:
                    return (null, $"ENFORCER_HISTORY_ALLOWED_PRINCIPALS: '{raw}' is not an email, user:EMAIL, serviceAccount:EMAIL or domain:DOMAIN");
            }

            entries.Add(entry);
        }

        return (new PrincipalAllowlist(emails, domains, entries), null);
    }

    /// <summary>True when the (verified) email is listed, or its domain is.</summary>
    public bool Allows(string email)
    {
        var at = email.LastIndexOf('@');
        return _emails.Contains(email) || (at > 0 && _domains.Contains(email[(at + 1)..]));
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
