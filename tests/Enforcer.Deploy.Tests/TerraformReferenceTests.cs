using System.Text.RegularExpressions;

namespace Enforcer.Deploy.Tests;

/// <summary>
/// What `terraform validate` would catch if a provider could be downloaded here: references to
/// undeclared variables, locals or resources. Plus the inputs and outputs the deployment promises.
/// </summary>
public sealed partial class TerraformReferenceTests(TerraformFixture fixture)
{
    private TerraformConfiguration Tf => fixture.Configuration;

    private IEnumerable<string> AllStrings => Tf.Sections().SelectMany(s => Hcl.Strings(s.Section));

    [Fact]
    public void References_Variables_AreDeclared()
    {
        var used = AllStrings.SelectMany(s => VariableReference().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(Tf.Variables.Keys));
    }

    [Fact]
    public void References_Locals_AreDefined()
    {
        var used = AllStrings.SelectMany(s => LocalReference().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(Tf.Locals.Keys));
    }

    [Fact]
    public void References_Resources_AreDeclared()
    {
        var declared = Tf.Resources.Select(r => r.Address).Concat(Tf.Data.Select(d => "data." + d.Address)).ToHashSet();
        var used = AllStrings.SelectMany(Hcl.ResourceReferences).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(declared));
    }

    [Fact]
    public void Variables_Deployment_AreDeclaredWithDescriptions()
    {
        string[] expected =
        [
            "organization_id", "project_id", "region", "image_tag", "artifact_repository",
            "enforce", "enforcement_delay_seconds", "severity_threshold", "dry_run_policies",
            "sweep_schedule", "retention_days", "max_delivery_attempts", "history_invokers",
        ];
        Assert.Empty(expected.Except(Tf.Variables.Keys));
        Assert.All(Tf.Variables, v => Assert.False(string.IsNullOrWhiteSpace(Hcl.Text(v.Value, "description")), $"variable {v.Key} has no description"));

        // Only the organization and the host project have no sensible default; enforcement starts off.
        var withoutDefault = Tf.Variables.Where(v => !v.Value.TryGetProperty("default", out _)).Select(v => v.Key).Order();
        Assert.Equal(["organization_id", "project_id"], withoutDefault);
        Assert.Equal("false", Hcl.Text(Tf.Variables["enforce"], "default"));
    }

    [Fact]
    public void Outputs_HistoryUrl_IsTheHistoryServiceUri()
    {
        Assert.Equal("${google_cloud_run_v2_service.history.uri}", Hcl.Text(Tf.Outputs["history_url"], "value"));
        Assert.Equal("${local.dead_letter_attachments}", Hcl.Text(Tf.Outputs["dead_letter_attachments"], "value"));
    }

    [Fact]
    public void Apis_EveryServiceTheConfigurationUses_IsEnabled()
    {
        var enabled = Hcl.Strings(Hcl.Block(Tf.Resource("google_project_service.required").Body, "for_each")!.Value)
            .SelectMany(s => ApiName().Matches(s).Select(m => m.Value))
            .ToHashSet();

        var needs = new Dictionary<string, string>
        {
            ["google_artifact_registry_"] = "artifactregistry.googleapis.com",
            ["google_cloud_run_v2_"] = "run.googleapis.com",
            ["google_cloud_scheduler_"] = "cloudscheduler.googleapis.com",
            ["google_eventarc_"] = "eventarc.googleapis.com",
            ["google_firestore_"] = "firestore.googleapis.com",
            ["google_logging_"] = "logging.googleapis.com",
            ["google_pubsub_"] = "pubsub.googleapis.com",
            ["google_secret_manager_"] = "secretmanager.googleapis.com",
            ["google_service_account"] = "iam.googleapis.com",
            ["google_organization_iam_"] = "cloudresourcemanager.googleapis.com",
        };
        foreach (var resource in Tf.Resources)
        {
            foreach (var (prefix, api) in needs)
            {
                if (resource.Type.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Assert.True(enabled.Contains(api), $"{resource} needs {api}, which google_project_service.required does not enable");
                }
            }
        }

        // The sweep lists resources through Cloud Asset Inventory.
        Assert.Contains("cloudasset.googleapis.com", enabled);
    }

    [Fact]
    public void Images_EachService_RunsTheImageCloudBuildPushes()
    {
        var images = Tf.Locals["images"];
        foreach (var service in Tf.OfType("google_cloud_run_v2_service"))
        {
            var image = Hcl.Text(Hcl.Path(service.Body, "template", "containers")!.Value, "image");
            Assert.Equal($"${{local.images.{service.Name}}}", image);
            Assert.Equal($"${{local.image_base}}/{service.Name}:${{var.image_tag}}", Hcl.Text(images, service.Name));
        }
    }

    [GeneratedRegex(@"(?<![\w.])var\.([a-z0-9_]+)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"(?<![\w.])local\.([a-z0-9_]+)")]
    private static partial Regex LocalReference();

    [GeneratedRegex(@"[a-z]+\.googleapis\.com")]
    private static partial Regex ApiName();
}
