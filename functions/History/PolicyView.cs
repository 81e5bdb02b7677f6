namespace Enforcer.Functions.History;

/// <summary>One policy's metadata as /policies shows it.</summary>
internal sealed record PolicyView(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> AppliesTo,
    string Severity,
    string ErrorCode,
    bool Remediable,
    bool Destructive,
    string Fix,
    IReadOnlyList<string> References);
