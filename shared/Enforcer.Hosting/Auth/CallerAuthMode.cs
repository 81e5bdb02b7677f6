namespace Enforcer.Hosting.Auth;

/// <summary>How an HTTP function checks its callers.</summary>
public enum CallerAuthMode
{
    /// <summary>No check at all: only for local runs, chosen explicitly (ENFORCER_HISTORY_AUTH=none).</summary>
    None,

    /// <summary>A Google-signed identity token is required and verified; an allowlist may narrow who passes.</summary>
    Token,
}
