using System.Text.Json;

namespace Enforcer.Cli.Tests;

/// <summary>`enforcer evaluate samples/` must show every decision kind: the samples are the product's first impression.</summary>
public class EvaluateCommandTests
{
    private static readonly string Samples = CliRun.Path("samples");

    [Fact]
    public async Task Evaluate_Samples_ShowsEveryDecisionKind()
    {
        var (run, json) = await RunJsonAsync("evaluate", Samples, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("dry-run", json.GetProperty("mode").GetString());
        var policies = Policies(json);

        // Compliant: every policy on the well-configured bucket is recorded as compliant.
        var reports = policies.Where(p => p.Resource == "//storage.googleapis.com/acme-reports").ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, p => Assert.Equal(("compliant", "record"), (p.Result, p.Decision)));

        // Violation with a fix: a dry-run remediation whose plan is the PATCH that enables versioning.
        var versioning = Single(policies, "//storage.googleapis.com/acme-raw-data", "storage_buckets_require_object_versioning");
        Assert.Equal(("violation", "remediate-dry-run", "open"), (versioning.Result, versioning.Decision, versioning.Violation));
        var call = Assert.Single(versioning.Plan.EnumerateArray());
        Assert.Equal("patch", call.GetProperty("method").GetString());
        Assert.Equal("PATCH", call.GetProperty("verb").GetString());
        Assert.StartsWith("https://storage.googleapis.com/storage/v1/b/acme-raw-data?", call.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"enabled\":true", call.GetProperty("body").GetString(), StringComparison.Ordinal);

        // Excluded by the policy-enforcer=disabled label: recorded, no plan.
        var scratch = policies.Where(p => p.Resource == "//storage.googleapis.com/acme-scratch" && p.Result == "excluded").ToList();
        Assert.NotEmpty(scratch);
        Assert.All(scratch, p => Assert.Equal(("record", 0), (p.Decision, p.Plan.GetArrayLength())));

        // Quarantined: the violation on a resource under quarantine is recorded as quarantined.
        var flapping = Single(policies, "//storage.googleapis.com/acme-flapping", "storage_buckets_require_uniform_bucket_level_access");
        Assert.Equal(("violation", "quarantined"), (flapping.Result, flapping.Violation));

        // Deleted: the delete entry resolves the violations the earlier setIamPolicy entry opened.
        var deleted = policies.Where(p => p.Resource == "//storage.googleapis.com/acme-old-logs" && p.Decision == "resolved").Select(p => p.PolicyId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["storage_buckets_disallow_unauthenticated_public_access", "storage_buckets_require_public_access_prevention"], deleted);
        Assert.All(policies.Where(p => p.Decision == "resolved"), p => Assert.Equal("resolved", p.Violation));

        // Notify: an on-demand request whose control_data turns enforcement off.
        var legacy = Single(policies, "//storage.googleapis.com/acme-legacy-exports", "storage_buckets_require_object_versioning");
        Assert.Equal("notify", legacy.Decision);

        // The Pub/Sub push request was decoded like Evaluate's host does it.
        var firewall = Single(policies, "//compute.googleapis.com/projects/acme-prod/global/firewalls/allow-ssh-anywhere", "compute_firewalls_disallow_public_management_access");
        Assert.Equal(("HIGH", "remediate-dry-run"), (firewall.Severity, firewall.Decision));
    }

    [Fact]
    public async Task Evaluate_SamplesWithEnforce_RemediatesVerifiesAndRespectsQuarantine()
    {
        var (run, json) = await RunJsonAsync("evaluate", Samples, "--json", "--enforce");

        Assert.Equal(0, run.ExitCode);
        var policies = Policies(json);
        var versioning = Single(policies, "//storage.googleapis.com/acme-raw-data", "storage_buckets_require_object_versioning");
        Assert.Equal("remediate", versioning.Decision);
        var remediation = versioning.Remediation!.Value;
        Assert.Equal("succeeded", remediation.GetProperty("status").GetString());
        Assert.True(remediation.GetProperty("verified").GetBoolean());
        var step = Assert.Single(remediation.GetProperty("steps").EnumerateArray());
        Assert.Equal(("patch", "done", 200), (step.GetProperty("method").GetString(), step.GetProperty("status").GetString(), step.GetProperty("http_status").GetInt32()));
        Assert.StartsWith("https://storage.googleapis.com/", step.GetProperty("url").GetString(), StringComparison.Ordinal);

        var flapping = Single(policies, "//storage.googleapis.com/acme-flapping", "storage_buckets_require_uniform_bucket_level_access");
        Assert.Equal("quarantined", flapping.Remediation!.Value.GetProperty("status").GetString());
        Assert.Empty(flapping.Remediation!.Value.GetProperty("steps").EnumerateArray());

        // The control_data switch holds under --enforce too: nothing is executed for it.
        var legacy = Single(policies, "//storage.googleapis.com/acme-legacy-exports", "storage_buckets_require_object_versioning");
        Assert.Equal("notify", legacy.Decision);
        Assert.Null(legacy.Remediation);
    }

    [Fact]
    public async Task Evaluate_Table_ShowsDecisionsAndPlanCalls()
    {
        var run = await CliRun.RunAsync("evaluate", Samples);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("remediate-dry-run", run.Output, StringComparison.Ordinal);
        Assert.Contains("quarantined", run.Output, StringComparison.Ordinal);
        Assert.Contains("resolved", run.Output, StringComparison.Ordinal);
        Assert.Contains("patch  PATCH https://storage.googleapis.com/storage/v1/b/acme-raw-data?ifMetagenerationMatch=1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: no remediation call was made", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SingleEventFile_UsesTheSnapshotsBesideIt()
    {
        var (run, json) = await RunJsonAsync("evaluate", Path.Combine(Samples, "events", "bucket-create.json"), "--json");

        Assert.Equal(0, run.ExitCode);
        var e = Assert.Single(json.GetProperty("events").EnumerateArray());
        Assert.Equal("completed", e.GetProperty("status").GetString());
        Assert.Contains(Policies(json), p => p is { Resource: "//storage.googleapis.com/acme-raw-data", Decision: "remediate-dry-run" });
    }

    [Fact]
    public async Task Evaluate_FileThatIsNotAnEvent_IsRefusedWithTheReasonAndExitsOne()
    {
        var (run, json) = await RunJsonAsync("evaluate", CliRun.Path("Fixtures", "events", "not-an-event.json"), "--json", "--resources", Path.Combine(Samples, "resources"));

        Assert.Equal(1, run.ExitCode);
        var e = Assert.Single(json.GetProperty("events").EnumerateArray());
        Assert.Equal("invalid", e.GetProperty("status").GetString());
        Assert.Contains("neither a LogEntry", e.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MissingPath_ExitsTwo()
    {
        var run = await CliRun.RunAsync("evaluate", CliRun.Path("no-such-events"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No event files", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(CliRun Run, JsonElement Json)> RunJsonAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        using var document = JsonDocument.Parse(run.Output);
        return (run, document.RootElement.Clone());
    }

    private static List<PolicyRow> Policies(JsonElement json) =>
        [.. from e in json.GetProperty("events").EnumerateArray()
            from r in e.GetProperty("resources").EnumerateArray()
            from p in r.GetProperty("policies").EnumerateArray()
            select new PolicyRow(
                r.GetProperty("name").GetString()!,
                p.GetProperty("policy_id").GetString()!,
                p.GetProperty("severity").GetString(),
                p.GetProperty("result").GetString()!,
                p.GetProperty("decision").GetString()!,
                p.GetProperty("violation").GetString(),
                p.GetProperty("plan"),
                p.TryGetProperty("remediation", out var rem) ? rem : null)];

    private static PolicyRow Single(List<PolicyRow> rows, string resource, string policy) =>
        Assert.Single(rows, p => p.Resource == resource && p.PolicyId == policy);

    private sealed record PolicyRow(string Resource, string PolicyId, string? Severity, string Result, string Decision, string? Violation, JsonElement Plan, JsonElement? Remediation);
}
