namespace Enforcer.Core.Sweep;

/// <summary>How much one sweep invocation does.</summary>
public sealed record SweepOptions
{
    /// <summary>Base URL for Cloud Asset Inventory instead of https://cloudasset.googleapis.com/ (tests: the fake).</summary>
    public Uri? CloudAssetBaseUrl { get; init; }

    /// <summary>Assets per CAI page (CAI allows up to 1000).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Pages per invocation; the rest continues in the next batch so no request runs long.</summary>
    public int MaxPagesPerRun { get; init; } = 10;

    /// <summary>The <c>metadata.src</c> of published requests.</summary>
    public string Src { get; init; } = "sweep";
}
