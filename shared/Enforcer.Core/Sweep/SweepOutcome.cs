using Enforcer.Core.Requests;

namespace Enforcer.Core.Sweep;

/// <summary>What one sweep batch did.</summary>
/// <param name="Published">Evaluation requests published in this batch.</param>
/// <param name="Skipped">Assets not published (type not in the catalog or name not parseable).</param>
/// <param name="Pages">CAI pages read.</param>
/// <param name="Next">The request for the next batch, or null when the sweep is complete (or failed).</param>
/// <param name="Failure">Set when a CAI call failed; <see cref="Next"/> is then the request to retry from.</param>
public sealed record SweepOutcome(int Published, int Skipped, int Pages, SweepRequest? Next, Reading.ReadOutcome? Failure)
{
    /// <summary>True when every page has been read.</summary>
    public bool Completed => Next is null && Failure is null;
}
