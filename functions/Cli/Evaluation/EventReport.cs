namespace Enforcer.Cli.Evaluation;

/// <summary>What happened to one event file.</summary>
/// <param name="File">The file, as given.</param>
/// <param name="EventId">The event's id in the store (null when the file could not be decoded).</param>
/// <param name="Status">completed, ignored, permanent, transient, or invalid (the file was refused).</param>
/// <param name="Detail">The pipeline's one-line outcome, or why the file was refused.</param>
/// <param name="Duplicate">True when the store had already processed this event.</param>
/// <param name="Resources">Per resource the event touched.</param>
internal sealed record EventReport(string File, string? EventId, string Status, string Detail, bool Duplicate, IReadOnlyList<ResourceReport> Resources);
