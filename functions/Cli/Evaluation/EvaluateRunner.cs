using System.Text;
using Enforcer.Cli.Local;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Resources;
using Enforcer.Enforcement.Configuration;
using Enforcer.Enforcement.Pipeline;
using Enforcer.Enforcement.Remediation;

namespace Enforcer.Cli.Evaluation;

/// <summary>
/// Replays event files through the Evaluate pipeline in process and, with --enforce, hands each published remediation
/// request to the remediation executor, as Remediate would receive it.
/// </summary>
internal sealed class EvaluateRunner(LocalEnforcer enforcer)
{
    public async Task<IReadOnlyList<EventReport>> RunAsync(IReadOnlyList<EventFile> files, CancellationToken cancellationToken)
    {
        var reports = new List<EventReport>(files.Count);
        foreach (var file in files)
        {
            reports.Add(await RunAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }

    public async Task<EventReport> RunAsync(EventFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Envelope is not { } envelope)
        {
            return new EventReport(file.Path, null, "invalid", file.Error ?? "unreadable", false, []);
        }

        ApplyDeletions(envelope.Payload);
        var result = await enforcer.Pipeline.RunAsync(envelope, cancellationToken).ConfigureAwait(false);
        var resources = new List<ResourceReport>(result.Resources.Count);
        foreach (var resource in result.Resources)
        {
            var policies = new List<PolicyReport>(resource.Policies.Count);
            foreach (var decided in resource.Policies)
            {
                policies.Add(await ReportAsync(resource, decided, cancellationToken).ConfigureAwait(false));
            }

            resources.Add(new ResourceReport(resource.Resource.AssetType, resource.Resource.FullName, resource.Outcome, resource.Detail, policies));
        }

        return new EventReport(file.Path, result.EventId, result.Outcome.Status.ToString().ToLowerInvariant(), result.Outcome.Detail, result.Duplicate, resources);
    }

    // A delete in the log means the resource is gone: the stand-in forgets it too, so later reads and plans agree with the log.
    private void ApplyDeletions(System.Text.Json.JsonElement payload)
    {
        if (enforcer.Project is not { } project || EventMapper.Default.Map(payload) is not MappedEvent mapped)
        {
            return;
        }

        foreach (var deleted in mapped.Resources.Where(r => r.Deleted))
        {
            project.Server.Remove(deleted.AssetType, deleted.FullName);
        }
    }

    private async Task<PolicyReport> ReportAsync(ResourceResult resource, DecidedPolicy decided, CancellationToken cancellationToken)
    {
        if (decided.Result is not { } result || decided.Decision is not { } decision)
        {
            return new PolicyReport(decided.PolicyId, null, "resolved", "resolved", [resource.Detail ?? "the resource no longer exists"], decided.ViolationStatus, null, null, [], null, null);
        }

        var outcome = result.Compliant ? "compliant" : result.Excluded ? "excluded" : "violation";
        var (plan, planError) = Plan(resource, result.Remediation);
        RemediationReport? remediation = null;
        if (decided.Request is { Mode: EnforcementMode.Enforce } request)
        {
            remediation = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return new PolicyReport(
            result.PolicyId, result.Severity.ToString().ToUpperInvariant(), outcome, decision.ActionName, decision.Reasons, decided.ViolationStatus,
            result.Message.Length == 0 ? null : result.Message, decided.Request?.RequestId, plan, planError, remediation);
    }

    // The calls as they would go to Google (never the stand-in's loopback address), through the catalog's allowlist.
    private static (IReadOnlyList<PlannedCallReport> Calls, string? Error) Plan(ResourceResult resource, System.Text.Json.JsonElement? remediation)
    {
        if (remediation is not { } plan || ResourceCatalog.Default.Find(resource.Resource.AssetType) is not { } type)
        {
            return ([], null);
        }

        var (calls, error) = PlanBuilder.Build(type, resource.Resource.Identifiers, plan, null);
        return calls is null
            ? ([], error)
            : ([.. calls.Select(c => new PlannedCallReport(c.Method.Name, c.Verb, c.Url.ToString(), c.Body))], null);
    }

    private async Task<RemediationReport> ExecuteAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        var outcome = await enforcer.Executor.ExecuteAsync(request, Encoding.UTF8.GetString(request.ToUtf8Json()), cancellationToken).ConfigureAwait(false);
        var record = await enforcer.Store.GetRemediationAsync(request.RequestId, cancellationToken).ConfigureAwait(false);
        var steps = record?.Steps.Select(s => new RemediationStepReport(s.Method, s.Verb, AsGoogleUrl(s.Url), s.Status, s.HttpStatus)).ToList() ?? [];
        return new RemediationReport(outcome.Status.ToString().ToLowerInvariant(), record?.Status ?? "none", record?.Reason ?? outcome.Detail, record?.Verified, steps);
    }

    // Steps executed against the stand-in carry its loopback address; show the Google URL they stand for.
    private string AsGoogleUrl(string url)
    {
        foreach (var (host, baseUrl) in enforcer.BaseUrls)
        {
            var prefix = baseUrl.ToString();
            if (url.StartsWith(prefix, StringComparison.Ordinal))
            {
                return $"https://{host}/{url[prefix.Length..]}";
            }
        }

        return url;
    }
}
