namespace Enforcer.Core.Processing;

/// <summary>The result of handling one delivery: a status and a one-line detail for logs and the response.</summary>
public sealed record ProcessingOutcome(ProcessingStatus Status, string Detail)
{
    public static ProcessingOutcome Completed(string detail) => new(ProcessingStatus.Completed, detail);

    public static ProcessingOutcome Ignored(string reason) => new(ProcessingStatus.Ignored, reason);

    public static ProcessingOutcome Permanent(string reason) => new(ProcessingStatus.Permanent, reason);

    public static ProcessingOutcome Transient(string reason) => new(ProcessingStatus.Transient, reason);
}
