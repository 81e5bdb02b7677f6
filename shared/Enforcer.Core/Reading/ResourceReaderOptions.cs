namespace Enforcer.Core.Reading;

/// <summary>Where the reader sends requests.</summary>
public sealed record ResourceReaderOptions
{
    /// <summary>
    /// Per API host (e.g. <c>compute.googleapis.com</c>), a base URL to use instead of <c>https://{host}/</c>:
    /// the fake API in tests, a private endpoint in production.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> BaseUrls { get; init; } = new Dictionary<string, Uri>();

    /// <summary>IAM policy version to request (3 returns conditional bindings).</summary>
    public int RequestedPolicyVersion { get; init; } = 3;
}
