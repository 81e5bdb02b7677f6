namespace Enforcer.Enforcement.Composition;

/// <summary>
/// How the functions reach Google's resource APIs: one HttpClient (ADC bearer tokens in production, none for a local
/// stand-in) and, when ENFORCER_GOOGLE_API_ROOT points at a stand-in, a base URL per API host under that root.
/// </summary>
/// <param name="Http">The client for resource reads, remediation calls and Cloud Asset Inventory.</param>
/// <param name="BaseUrls">Per API host, the base URL to use instead of <c>https://{host}/</c> (empty in production).</param>
public sealed record GoogleApiAccess(HttpClient Http, IReadOnlyDictionary<string, Uri> BaseUrls)
{
    /// <summary>The base URL for <paramref name="host"/>, or null for Google's own endpoint.</summary>
    public Uri? BaseUrlFor(string host) => BaseUrls.GetValueOrDefault(host);
}
