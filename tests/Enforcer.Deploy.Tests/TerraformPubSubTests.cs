namespace Enforcer.Deploy.Tests;

/// <summary>Messaging invariants: every work topic is consumed with a dead-letter policy; nothing is dropped.</summary>
public sealed class TerraformPubSubTests(TerraformFixture fixture)
{
    private TerraformConfiguration Tf => fixture.Configuration;

    private List<TerraformBlock> Topics => [.. Tf.OfType("google_pubsub_topic")];

    private List<TerraformBlock> DeadLetterTopics => [.. Topics.Where(IsDeadLetterTopic)];

    private List<TerraformBlock> WorkTopics => [.. Topics.Where(t => !IsDeadLetterTopic(t))];

    [Fact]
    public void Topics_Configuration_HasAuditRemediationAndFindingsTopicsEachWithADeadLetterTopic()
    {
        Assert.Equal(["audit_events", "findings", "remediations"], WorkTopics.Select(t => t.Name).Order());
        Assert.Equal(WorkTopics.Count, DeadLetterTopics.Count);
    }

    [Fact]
    public void WorkTopics_EveryConsumer_HasADeadLetterPolicy()
    {
        var attachments = Hcl.Strings(Tf.Locals["dead_letter_attachments"]).ToList();
        var attachmentBlocks = Tf.Locals["dead_letter_attachments"].EnumerateObject().Select(p => p.Value).ToList();

        foreach (var topic in WorkTopics)
        {
            var subscriptions = Tf.OfType("google_pubsub_subscription")
                .Where(s => TopicsOf(s).Any(t => Hcl.RefersTo(t, topic.Address))).ToList();
            var triggers = Tf.OfType("google_eventarc_trigger")
                .Where(t => Hcl.RefersTo(Hcl.Text(Hcl.Path(t.Body, "transport", "pubsub")!.Value, "topic"), topic.Address)).ToList();
            Assert.True(subscriptions.Count + triggers.Count > 0, $"{topic} has no consumer: its messages would be lost");

            foreach (var subscription in subscriptions)
            {
                var policy = Hcl.Block(subscription.Body, "dead_letter_policy");
                Assert.True(policy is not null, $"{subscription} has no dead_letter_policy");
                AssertDeadLetterTarget(topic, Hcl.Text(policy.Value, "dead_letter_topic"), subscription.ToString());
                Assert.NotNull(Hcl.Text(policy.Value, "max_delivery_attempts"));
            }

            // Eventarc owns its subscriptions: the policy is applied from local.dead_letter_attachments.
            foreach (var trigger in triggers)
            {
                var attachment = attachmentBlocks.SingleOrDefault(a => Hcl.RefersTo(Hcl.Text(a, "subscription"), trigger.Address));
                Assert.True(attachment.ValueKind != System.Text.Json.JsonValueKind.Undefined, $"{trigger}'s subscription is missing from local.dead_letter_attachments");
                Assert.Contains("transport[0].pubsub[0].subscription", Hcl.Text(attachment, "subscription"), StringComparison.Ordinal);
                AssertDeadLetterTarget(topic, Hcl.Text(attachment, "dead_letter_topic"), trigger.ToString());
                Assert.NotNull(Hcl.Text(attachment, "max_delivery_attempts"));
            }
        }

        Assert.NotEmpty(attachments);
    }

    [Fact]
    public void DeadLetterTopics_Each_AreKeptAndWritableByPubSub()
    {
        var subscriptions = Tf.OfType("google_pubsub_subscription").ToList();
        var publisherGrants = Tf.OfType("google_pubsub_topic_iam_member")
            .Where(g => Hcl.Text(g.Body, "role") == "roles/pubsub.publisher" && Hcl.Text(g.Body, "member") == "${local.pubsub_service_agent}")
            .ToList();

        foreach (var topic in DeadLetterTopics)
        {
            var keepers = subscriptions.Where(s => TopicsOf(s).Any(t => Hcl.RefersTo(t, topic.Address))).ToList();
            Assert.True(keepers.Count > 0, $"{topic} has no subscription: dead letters would be dropped");
            Assert.All(keepers, k => Assert.Null(Hcl.Block(k.Body, "dead_letter_policy")));
            Assert.True(publisherGrants.Any(g => Mentions(g, topic.Address)), $"Pub/Sub's service agent cannot publish to {topic}");
        }

        // The service agent must also be able to acknowledge on every subscription it dead-letters from.
        var sourceGrant = Tf.Resource("google_pubsub_subscription_iam_member.dead_letter_source");
        Assert.Equal("roles/pubsub.subscriber", Hcl.Text(sourceGrant.Body, "role"));
        var sources = Hcl.Strings(Hcl.Block(sourceGrant.Body, "for_each")!.Value).ToList();
        foreach (var trigger in Tf.OfType("google_eventarc_trigger"))
        {
            Assert.Contains(sources, s => s.Contains($"local.dead_letter_attachments.{trigger.Name}.subscription", StringComparison.Ordinal));
        }

        foreach (var subscription in Tf.OfType("google_pubsub_subscription").Where(s => Hcl.Block(s.Body, "dead_letter_policy") is not null))
        {
            Assert.Contains(sources, s => Hcl.RefersTo(s, subscription.Address));
        }
    }

    [Fact]
    public void EventarcTriggers_Each_DeliverPubSubMessagesToTheirFunction()
    {
        var expected = new Dictionary<string, (string Topic, string Service)>
        {
            ["evaluate"] = ("google_pubsub_topic.audit_events", "google_cloud_run_v2_service.evaluate"),
            ["remediate"] = ("google_pubsub_topic.remediations", "google_cloud_run_v2_service.remediate"),
        };
        var triggers = Tf.OfType("google_eventarc_trigger").ToDictionary(t => t.Name);
        Assert.Equal(expected.Keys.Order(), triggers.Keys.Order());

        foreach (var (name, (topic, service)) in expected)
        {
            var body = triggers[name].Body;
            Assert.Equal("google.cloud.pubsub.topic.v1.messagePublished", Hcl.Text(Hcl.Block(body, "matching_criteria")!.Value, "value"));
            Assert.True(Hcl.RefersTo(Hcl.Text(Hcl.Path(body, "transport", "pubsub")!.Value, "topic"), topic));
            Assert.True(Hcl.RefersTo(Hcl.Text(Hcl.Path(body, "destination", "cloud_run_service")!.Value, "service"), service));
            Assert.True(Hcl.RefersTo(Hcl.Text(body, "service_account"), "google_service_account.trigger"));
        }
    }

    [Fact]
    public void LogSink_Organization_SendsAdminActivityChangesFromEveryChild()
    {
        var sink = Assert.Single(Tf.OfType("google_logging_organization_sink"));
        Assert.Equal("true", Hcl.Text(sink.Body, "include_children"));
        Assert.Equal("${var.organization_id}", Hcl.Text(sink.Body, "org_id"));
        Assert.True(Hcl.RefersTo(Hcl.Text(sink.Body, "destination"), "google_pubsub_topic.audit_events"));
        Assert.Equal("${local.log_sink_filter}", Hcl.Text(sink.Body, "filter"));

        var filter = string.Join("\n", Hcl.Strings(Tf.Locals["log_sink_filter"]));
        Assert.Contains("cloudaudit.googleapis.com%2Factivity", filter, StringComparison.Ordinal);
        Assert.Contains("google.cloud.audit.AuditLog", filter, StringComparison.Ordinal);
        foreach (var verb in new[] { "create", "insert", "update", "patch", "set", "delete" })
        {
            Assert.Contains($"\\\"{verb}\\\"", filter, StringComparison.Ordinal);
        }

        Assert.Contains("NOT ", filter, StringComparison.Ordinal);
        Assert.Contains("k8s.io", string.Join("\n", Hcl.Strings(Tf.Variables["log_sink_exclusions"])), StringComparison.Ordinal);

        // The sink's writer identity may publish to the topic, and only to it.
        var grant = Tf.Resource("google_pubsub_topic_iam_member.sink_publishes_audit_events");
        Assert.True(Hcl.RefersTo(Hcl.Text(grant.Body, "topic"), "google_pubsub_topic.audit_events"));
        Assert.Equal($"${{{sink.Address}.writer_identity}}", Hcl.Text(grant.Body, "member"));
    }

    [Fact]
    public void Scheduler_Sweep_PublishesARequestToTheAuditTopic()
    {
        var job = Assert.Single(Tf.OfType("google_cloud_scheduler_job"));
        var target = Hcl.Block(job.Body, "pubsub_target")!.Value;
        Assert.True(Hcl.RefersTo(Hcl.Text(target, "topic_name"), "google_pubsub_topic.audit_events"));
        var data = Hcl.Text(target, "data")!;
        Assert.Contains("sweep", data, StringComparison.Ordinal);
        Assert.Contains("organizations/${var.organization_id}", data, StringComparison.Ordinal);
        Assert.Contains("var.sweep_asset_types", data, StringComparison.Ordinal);
        Assert.Equal("${var.sweep_schedule}", Hcl.Text(job.Body, "schedule"));
    }

    private static bool IsDeadLetterTopic(TerraformBlock topic) =>
        Hcl.Block(topic.Body, "labels") is { } labels && Hcl.Text(labels, "role") == "dead-letter";

    /// <summary>The topic expressions a subscription block reads (one, or one per for_each entry).</summary>
    private static IEnumerable<string> TopicsOf(TerraformBlock subscription)
    {
        var topic = Hcl.Text(subscription.Body, "topic");
        return topic == "${each.value}" && Hcl.Block(subscription.Body, "for_each") is { } forEach
            ? Hcl.Strings(forEach)
            : topic is null ? [] : [topic];
    }

    private static bool Mentions(TerraformBlock block, string address) =>
        Hcl.Strings(block.Body).Any(s => Hcl.RefersTo(s, address));

    private void AssertDeadLetterTarget(TerraformBlock source, string? expression, string consumer)
    {
        var target = DeadLetterTopics.SingleOrDefault(t => Hcl.RefersTo(expression, t.Address));
        Assert.True(target is not null, $"{consumer} dead-letters to '{expression}', which is not a dead-letter topic");
        Assert.Equal($"{source.Name}_dead_letter", target.Name);
    }
}
