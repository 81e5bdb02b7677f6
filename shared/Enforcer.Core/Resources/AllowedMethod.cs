namespace Enforcer.Core.Resources;

/// <summary>
/// One API method a remediation plan may call on a resource type. Plans name the method; anything not in the
/// type's allowlist is refused. The permission is what the enforcer's service account needs to call it.
/// </summary>
/// <param name="Name">The method name as the API documents it (patch, setIamPolicy, setLabels, ...).</param>
/// <param name="Verb">HTTP verb.</param>
/// <param name="Path">Path template relative to the API base; holes are the type's identifiers.</param>
/// <param name="Permission">IAM permission needed to call it.</param>
/// <param name="Body">What the request body carries.</param>
/// <param name="Returns">What the response carries (a long-running operation must be waited for).</param>
/// <param name="Effect">What the call does to the stored resource (used by the fake API and by docs).</param>
/// <param name="Target">For <see cref="MethodEffect.Merge"/>: the dotted field the body is merged into; null for the top level.</param>
public sealed record AllowedMethod(
    string Name,
    string Verb,
    PathTemplate Path,
    string Permission,
    MethodBody Body,
    MethodReturns Returns,
    MethodEffect Effect,
    string? Target);
