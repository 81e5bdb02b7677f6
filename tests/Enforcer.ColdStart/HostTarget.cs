namespace Enforcer.ColdStart;

/// <summary>A published host to start: a label for the tables, its executable and its first request.</summary>
internal sealed record HostTarget(string Label, string Executable, ProbeKind Probe)
{
    /// <summary>Parses <c>label=path[:audit|remediation|history]</c>.</summary>
    public static HostTarget Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"expected label=path[:probe], not '{text}'", nameof(text));
        }

        var label = text[..equals];
        var rest = text[(equals + 1)..];
        var probe = ProbeKind.AuditEvent;
        var colon = rest.LastIndexOf(':');
        if (colon > 0)
        {
            probe = rest[(colon + 1)..] switch
            {
                "audit" => ProbeKind.AuditEvent,
                "remediation" => ProbeKind.Remediation,
                "history" => ProbeKind.HistoryQuery,
                var other => throw new ArgumentException($"unknown probe '{other}' (audit, remediation, history)", nameof(text)),
            };
            rest = rest[..colon];
        }

        return new HostTarget(label, Path.GetFullPath(rest), probe);
    }
}
