namespace Enforcer.Policies;

/// <summary>An evaluation failure, as a value.</summary>
/// <param name="Kind">Whether a retry may help.</param>
/// <param name="Message">What went wrong, for logs.</param>
public sealed record PolicyEngineError(PolicyErrorKind Kind, string Message);
