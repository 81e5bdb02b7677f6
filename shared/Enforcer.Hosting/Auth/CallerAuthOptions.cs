using Microsoft.Extensions.Configuration;

namespace Enforcer.Hosting.Auth;

/// <summary>
/// How the History function authenticates callers, read from configuration:
/// <list type="bullet">
/// <item>ENFORCER_HISTORY_AUTH: <c>token</c> (verify Google identity tokens) or <c>none</c> (no check; local runs only).
/// Unset means <c>token</c> on Cloud Run (K_SERVICE set) or when an allowlist is given; otherwise start-up fails, so
/// that an open API is always a deliberate choice.</item>
/// <item>ENFORCER_HISTORY_ALLOWED_PRINCIPALS: optional allowlist (<see cref="PrincipalAllowlist"/>); empty lets every
/// caller with a valid token through (Cloud Run IAM has already limited who can invoke).</item>
/// <item>ENFORCER_HISTORY_AUDIENCES: accepted token audiences, comma-separated; unset accepts the URL the request was
/// addressed to (https://HOST) and the gcloud CLI's client id, the audiences Cloud Run's own IAM check accepts.</item>
/// <item>ENFORCER_HISTORY_TOKEN_ISSUERS and ENFORCER_HISTORY_JWKS_URL: Google's by default; tests point them at their own keys.</item>
/// </list>
/// </summary>
public sealed record CallerAuthOptions
{
    public const string ModeVariable = "ENFORCER_HISTORY_AUTH";
    public const string AllowedPrincipalsVariable = "ENFORCER_HISTORY_ALLOWED_PRINCIPALS";
    public const string AudiencesVariable = "ENFORCER_HISTORY_AUDIENCES";
    public const string IssuersVariable = "ENFORCER_HISTORY_TOKEN_ISSUERS";
    public const string JwksUrlVariable = "ENFORCER_HISTORY_JWKS_URL";

    /// <summary>Where Google publishes the keys that sign its identity tokens.</summary>
    public static readonly Uri GoogleJwksUrl = new("https://www.googleapis.com/oauth2/v3/certs");

    /// <summary>The issuers of Google identity tokens.</summary>
    public static readonly IReadOnlyList<string> GoogleIssuers = ["https://accounts.google.com", "accounts.google.com"];

    public CallerAuthMode Mode { get; init; } = CallerAuthMode.Token;

    public PrincipalAllowlist Allowlist { get; init; } = PrincipalAllowlist.Parse(null).List!;

    /// <summary>Accepted audiences; empty accepts the request's own origin.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    public IReadOnlyList<string> Issuers { get; init; } = GoogleIssuers;

    public Uri JwksUrl { get; init; } = GoogleJwksUrl;

    /// <summary>Tolerance for clock differences when checking exp, iat and nbf.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The options configuration asks for, or a start-up error that says what to set.</summary>
    public static (CallerAuthOptions? Options, string? Error) FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (allowlist, listError) = PrincipalAllowlist.Parse(configuration[AllowedPrincipalsVariable]);
        if (listError is not null)
        {
            return (null, listError);
        }

        var onCloudRun = !string.IsNullOrEmpty(configuration["K_SERVICE"]);
        var modeText = configuration[ModeVariable];
        CallerAuthMode mode;
        switch (modeText?.Trim().ToLowerInvariant())
        {
            case "none":
                if (!allowlist!.IsEmpty)
                {
                    return (null, $"{ModeVariable}=none contradicts {AllowedPrincipalsVariable}: an allowlist needs token verification");
                }

                mode = CallerAuthMode.None;
                break;
            case "token":
                mode = CallerAuthMode.Token;
                break;
            case null or "":
                if (!onCloudRun && allowlist!.IsEmpty)
                {
                    return (null, $"History refuses to start without an authentication choice outside Cloud Run: set {ModeVariable}=none " +
                        $"for an open local API, or {AllowedPrincipalsVariable} (and {AudiencesVariable}) to require Google identity tokens");
                }

                mode = CallerAuthMode.Token;
                break;
            default:
                return (null, $"{ModeVariable} must be 'token' or 'none', not '{modeText}'");
        }

        var jwksText = configuration[JwksUrlVariable];
        if (!string.IsNullOrEmpty(jwksText) && (!Uri.TryCreate(jwksText, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")))
        {
            return (null, $"{JwksUrlVariable} must be an absolute http(s) URL, not '{jwksText}'");
        }

        return (new CallerAuthOptions
        {
            Mode = mode,
            Allowlist = allowlist!,
            Audiences = List(configuration[AudiencesVariable]),
            Issuers = List(configuration[IssuersVariable]) is { Length: > 0 } issuers ? issuers : GoogleIssuers,
            JwksUrl = string.IsNullOrEmpty(jwksText) ? GoogleJwksUrl : new Uri(jwksText),
        }, null);
    }

    private static string[] List(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
