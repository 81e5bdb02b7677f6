using System.Text.Json;

namespace Enforcer.Deploy.Tests;

/// <summary>Identity and access invariants of terraform/: least privilege, one account per function, nothing public.</summary>
public sealed class TerraformIamTests(TerraformFixture fixture)
{
    private static readonly string[] PrimitiveRoles = ["roles/owner", "roles/editor", "roles/viewer"];
    private static readonly string[] PublicMembers = ["allUsers", "allAuthenticatedUsers"];
    private static readonly string[] Functions = ["evaluate", "remediate", "history", "opa"];

    private TerraformConfiguration Tf => fixture.Configuration;

    [Fact]
    public void Roles_EveryGrant_IsNeverPrimitive()
    {
        var grants = Tf.Resources.SelectMany(r => RoleValues(r.Body).Select(role => (r, role))).ToList();

        Assert.True(grants.Count >= 10, $"expected the configuration's role grants, found {grants.Count}");
        var primitive = grants.Where(g => PrimitiveRoles.Contains(g.role, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(primitive.Count == 0, "primitive roles granted: " + string.Join(", ", primitive.Select(g => $"{g.r} {g.role}")));
    }

    [Fact]
    public void Members_Everywhere_AreNeverPublic()
    {
        var offenders = Tf.Resources
            .SelectMany(r => Hcl.Strings(r.Body).Select(s => (r, s)))
            .Where(x => PublicMembers.Any(p => x.s.Contains(p, StringComparison.Ordinal)))
            .ToList();
        Assert.True(offenders.Count == 0, "public members: " + string.Join(", ", offenders.Select(o => o.r.ToString())));

        foreach (var service in Tf.OfType("google_cloud_run_v2_service"))
        {
            Assert.NotEqual("true", Hcl.Text(service.Body, "invoker_iam_disabled"));
        }

        // The one caller list a deployer fills in refuses both public principals.
        var validation = Hcl.Block(Tf.Variables["history_invokers"], "validation");
        Assert.NotNull(validation);
        var condition = Hcl.Text(validation.Value, "condition");
        Assert.All(PublicMembers, p => Assert.Contains(p, condition, StringComparison.Ordinal));
    }

    [Fact]
    public void CloudRunServices_EachFunction_RunsAsItsOwnServiceAccount()
    {
        var services = Tf.OfType("google_cloud_run_v2_service").ToList();
        Assert.Equal(Functions.Order(), services.Select(s => s.Name).Order());

        var accountOf = services.ToDictionary(s => s.Name, s => ServiceAccountOf(Hcl.Text(Hcl.Block(s.Body, "template")!.Value, "service_account")));
        foreach (var (service, account) in accountOf)
        {
            Assert.True(account is not null, $"{service} does not run as a google_service_account of this configuration");
        }

        Assert.Equal(accountOf.Count, accountOf.Values.Distinct().Count());

        // Eventarc pushes with its own account, which runs no service.
        var triggerAccounts = Tf.OfType("google_eventarc_trigger")
            .Select(t => ServiceAccountOf(Hcl.Text(t.Body, "service_account")))
            .ToList();
        Assert.NotEmpty(triggerAccounts);
        Assert.All(triggerAccounts, a => Assert.NotNull(a));
        Assert.DoesNotContain(triggerAccounts, accountOf.Values.Contains);

        // Every declared account has exactly one of these jobs.
        var used = accountOf.Values.Concat(triggerAccounts.Distinct()).ToList();
        Assert.Equal(Tf.OfType("google_service_account").Select(a => a.Address).Order(), used.Select(a => a!).Order());
    }

    [Fact]
    public void CloudRunInvokers_EventFunctions_OnlyTheTriggerAccount()
    {
        var invokerGrants = Tf.OfType("google_cloud_run_v2_service_iam_member").ToList();
        Assert.All(invokerGrants, g => Assert.Equal("roles/run.invoker", Hcl.Text(g.Body, "role")));

        foreach (var function in new[] { "evaluate", "remediate" })
        {
            var grants = invokerGrants.Where(g => Hcl.RefersTo(Hcl.Text(g.Body, "name"), $"google_cloud_run_v2_service.{function}")).ToList();
            Assert.Single(grants);
            Assert.True(Hcl.RefersTo(Hcl.Text(grants[0].Body, "member"), "google_service_account.trigger"), $"{grants[0]} must name the trigger account");
        }

        // OPA answers the two functions that evaluate, nobody else.
        var opa = invokerGrants.Single(g => Hcl.RefersTo(Hcl.Text(g.Body, "name"), "google_cloud_run_v2_service.opa"));
        var opaCallers = Hcl.Block(opa.Body, "for_each")!.Value.EnumerateObject().Select(p => ServiceAccountOf(p.Value.GetString())).Order();
        Assert.Equal(["google_service_account.evaluate", "google_service_account.remediate"], opaCallers);
    }

    [Fact]
    public void CloudRunServices_Each_AreSizedAndBoosted()
    {
        foreach (var service in Tf.OfType("google_cloud_run_v2_service"))
        {
            var template = Hcl.Block(service.Body, "template")!.Value;
            var scaling = Hcl.Block(template, "scaling");
            Assert.True(scaling is not null, $"{service}: no scaling block");
            Assert.NotNull(Hcl.Text(scaling.Value, "min_instance_count"));
            Assert.NotNull(Hcl.Text(scaling.Value, "max_instance_count"));
            Assert.NotNull(Hcl.Text(template, "max_instance_request_concurrency"));

            var container = Hcl.Block(template, "containers")!.Value;
            Assert.Equal("true", Hcl.Text(Hcl.Block(container, "resources")!.Value, "startup_cpu_boost"));
            Assert.Equal("8080", Hcl.Text(Hcl.Block(container, "ports")!.Value, "container_port"));
            Assert.Equal("/health", Hcl.Text(Hcl.Path(container, "startup_probe", "http_get")!.Value, "path"));
            Assert.NotNull(Hcl.Text(service.Body, "ingress"));
        }

        // Only Eventarc calls the event functions, and Eventarc's pushes count as internal.
        foreach (var name in new[] { "evaluate", "remediate" })
        {
            Assert.Equal("INGRESS_TRAFFIC_INTERNAL_ONLY", Hcl.Text(Tf.Resource($"google_cloud_run_v2_service.{name}").Body, "ingress"));
        }
    }

    [Fact]
    public void ProjectRoles_History_ReadsFirestoreOnly()
    {
        var projectGrants = Tf.OfType("google_project_iam_member").ToList();
        var history = projectGrants.Where(g => ServiceAccountOf(Hcl.Text(g.Body, "member")) == "google_service_account.history").ToList();
        Assert.Equal(["roles/datastore.viewer"], history.Select(g => Hcl.Text(g.Body, "role")));

        // OPA and the trigger account hold nothing at project or organization level.
        foreach (var grant in projectGrants.Concat(Tf.OfType("google_organization_iam_member")))
        {
            var account = ServiceAccountOf(Hcl.Text(grant.Body, "member"));
            Assert.False(account is "google_service_account.opa" or "google_service_account.trigger", $"{grant} grants {account} a role");
        }
    }

    [Fact]
    public void SlackSecret_Readers_AreTheAlertingFunctionsOnly()
    {
        var grant = Tf.Resource("google_secret_manager_secret_iam_member.slack_webhook_readers");
        Assert.Equal("roles/secretmanager.secretAccessor", Hcl.Text(grant.Body, "role"));
        Assert.True(Hcl.RefersTo(Hcl.Text(grant.Body, "secret_id"), "google_secret_manager_secret.slack_webhook"));
        var readers = Hcl.Block(grant.Body, "for_each")!.Value.EnumerateObject().Select(p => ServiceAccountOf(p.Value.GetString())).Order();
        Assert.Equal(["google_service_account.evaluate", "google_service_account.remediate"], readers);
        Assert.Equal(2, Tf.OfType("google_secret_manager_secret_iam_member").Count());

        // Terraform never holds the webhook itself.
        Assert.Empty(Tf.OfType("google_secret_manager_secret_version"));
    }

    [Fact]
    public void PageTokenKey_Reader_IsHistoryOnly()
    {
        var grant = Tf.Resource("google_secret_manager_secret_iam_member.page_token_key_reader");
        Assert.Equal("roles/secretmanager.secretAccessor", Hcl.Text(grant.Body, "role"));
        Assert.True(Hcl.RefersTo(Hcl.Text(grant.Body, "secret_id"), "google_secret_manager_secret.page_token_key"));
        Assert.Equal("google_service_account.history", ServiceAccountOf(Hcl.Text(grant.Body, "member")));
    }

    /// <summary>The google_service_account address an expression like <c>${google_service_account.x.email}</c> names.</summary>
    internal static string? ServiceAccountOf(string? expression) =>
        expression is null ? null : Hcl.ResourceReferences(expression).FirstOrDefault(a => a.StartsWith("google_service_account.", StringComparison.Ordinal));

    private static IEnumerable<string> RoleValues(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "role" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }
                else
                {
                    foreach (var nested in RoleValues(property.Value))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in RoleValues(item))
                {
                    yield return nested;
                }
            }
        }
    }
}
