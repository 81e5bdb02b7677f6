namespace Enforcer.Core.Resources;

/// <summary>
/// Where a resource says whether it is usable. A value in <see cref="Ready"/> means evaluate now; in
/// <see cref="Terminal"/> means it will not get better by waiting (evaluate as is); anything else is transitional.
/// </summary>
public sealed record ReadinessRule(string Field, IReadOnlyList<string> Ready, IReadOnlyList<string> Terminal);
