using System.Text.Json;
using Enforcer.Policies;

namespace Enforcer.Enforcement.Tests.Remediation;

/// <summary>
/// A policy with a two-step plan (enable versioning, then label the owner) that always plans both steps while
/// the bucket is non-compliant, so a resumed remediation must itself skip the step already done.
/// </summary>
internal sealed class TwoStepBucketEngine : IPolicyEngine
{
    public const string PolicyId = "test_two_step";

    public Task<PolicyEvaluation> EvaluateAsync(PolicyInput input, CancellationToken cancellationToken)
    {
        var r = input.Resource;
        var versioned = r.TryGetProperty("versioning", out var v) && v.TryGetProperty("enabled", out var e) && e.ValueKind == JsonValueKind.True;
        var owned = r.TryGetProperty("labels", out var l) && l.TryGetProperty("owner", out _);
        var compliant = versioned && owned;
        var bucket = input.Name["//storage.googleapis.com/".Length..];
        var metageneration = r.GetProperty("metageneration").GetString();
        JsonElement? plan = compliant ? null : JsonDocument.Parse("""
            {"_remediation_spec":"v2","steps":[
              {"method":"patch","params":{"bucket":"BUCKET","ifMetagenerationMatch":"METAGENERATION","body":{"versioning":{"enabled":true}}}},
              {"method":"patch","params":{"bucket":"BUCKET","body":{"labels":{"owner":"platform"}}}}]}
            """.Replace("BUCKET", bucket, StringComparison.Ordinal).Replace("METAGENERATION", metageneration, StringComparison.Ordinal)).RootElement.Clone();
        var decision = new PolicyDecision(PolicyId, "two steps", compliant, false, PolicySeverity.High, "T-1", compliant ? string.Empty : "unversioned or unowned", true, plan);
        return Task.FromResult(PolicyEvaluation.Success([decision]));
    }

    public Task<PolicyListing> ListPoliciesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
