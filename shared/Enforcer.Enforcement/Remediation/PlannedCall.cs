using Enforcer.Core.Resources;

namespace Enforcer.Enforcement.Remediation;

/// <summary>One plan step turned into an HTTP request through the catalog's allowlist.</summary>
/// <param name="Index">Position in the plan.</param>
/// <param name="Method">The allowlisted method.</param>
/// <param name="Identity">The step's identity (method and parameters without concurrency tokens).</param>
/// <param name="Verb">HTTP verb.</param>
/// <param name="Url">Absolute URL.</param>
/// <param name="Body">JSON body, or null.</param>
public sealed record PlannedCall(int Index, AllowedMethod Method, string Identity, string Verb, Uri Url, string? Body);
