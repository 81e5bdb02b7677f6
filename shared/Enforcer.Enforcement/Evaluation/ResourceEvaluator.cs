using System.Text.Json;
using Enforcer.Core.Reading;
using Enforcer.Core.Resources;
using Enforcer.Core.Storage;
using IPolicyEngine = Enforcer.Policies.IPolicyEngine;

namespace Enforcer.Enforcement.Evaluation;

/// <summary>Reads a resource live and evaluates it: the step Evaluate runs per resource and Remediate runs before and after acting.</summary>
public sealed class ResourceEvaluator(ResourceReader reader, IPolicyEngine engine)
{
    public async Task<ResourceEvaluation> EvaluateAsync(ResourceType type, string fullName, IReadOnlyDictionary<string, string> identifiers, string? projectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var read = await reader.ReadAsync(type, identifiers, cancellationToken).ConfigureAwait(false);
        if (read is not ResourceFound found)
        {
            return new ResourceEvaluation(read, null, null, null);
        }

        var input = new Policies.PolicyInput(type.AssetType, fullName, found.Resource, found.Iam, projectId ?? (type.ProjectIdentifier is { } p ? identifiers.GetValueOrDefault(p) : null));
        var evaluation = await engine.EvaluateAsync(input, cancellationToken).ConfigureAwait(false);
        return new ResourceEvaluation(read, evaluation, StateOf(found), found);
    }

    /// <summary>A token for the observed state: any change to the resource or its IAM policy gives a new one.</summary>
    public static string StateOf(ResourceFound found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return StoreKeys.Of("s", found.Resource.GetRawText(), found.Iam is { } iam && iam.ValueKind != JsonValueKind.Undefined ? iam.GetRawText() : string.Empty);
    }
}
