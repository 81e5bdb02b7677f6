using System.Text;
using System.Text.Json;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Requests;
using Enforcer.Core.Sweep;
using Enforcer.Enforcement.Sweep;
using Enforcer.Google.PubSub;
using Enforcer.TestSupport;

namespace Enforcer.Enforcement.Tests.Sweep;

/// <summary>The sweep's publisher over the Pub/Sub emulator: what lands on the audit topic is what Evaluate accepts.</summary>
public sealed class PubSubEvaluationRequestPublisherTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Publish_RequestAndNextBatch_ArriveAsEvaluateReadsThem()
    {
        emulators.RequirePubSub();
        var cancellationToken = TestContext.Current.CancellationToken;
        var project = EmulatorFixture.NewProjectId();
        var admin = emulators.CreatePubSubAdmin(project);
        await admin.CreateTopicAsync("audit-events", cancellationToken);
        await admin.CreatePullSubscriptionAsync("audit-reader", "audit-events", cancellationToken: cancellationToken);
        var publisher = new PubSubEvaluationRequestPublisher(emulators.CreatePubSubPublisher(project), $"projects/{project}/topics/audit-events");

        await publisher.PublishAsync(
            new EvaluationRequest
            {
                Name = "//compute.googleapis.com/projects/proj-a/global/firewalls/fw-1",
                AssetType = "compute.googleapis.com/Firewall",
                ProjectId = "proj-a",
                Metadata = new EvaluationRequestMetadata { Src = "sweep" },
            },
            cancellationToken);
        await publisher.PublishNextAsync(new SweepRequest { Scope = "organizations/123", PageToken = "page-2", SweepId = "s-1" }, cancellationToken);

        var received = new List<PubSubReceivedMessage>();
        for (var attempt = 0; attempt < 100 && received.Count < 2; attempt++)
        {
            var batch = await admin.PullAsync("audit-reader", cancellationToken: cancellationToken);
            received.AddRange(batch);
            if (received.Count < 2)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        Assert.Equal(2, received.Count);
        var request = Assert.Single(received, m => m.Attributes.GetValueOrDefault("kind") == "evaluation_request");
        Assert.Equal("sweep", request.Attributes["src"]);
        var mapped = Assert.IsType<MappedEvent>(EventMapper.Default.Map(request.Data.Span));
        Assert.Equal("//compute.googleapis.com/projects/proj-a/global/firewalls/fw-1", Assert.Single(mapped.Resources).FullName);

        var next = Assert.Single(received, m => m.Attributes.GetValueOrDefault("kind") == "sweep");
        using var body = JsonDocument.Parse(next.Data);
        Assert.True(SweepBatchProcessor.IsSweep(body.RootElement), Encoding.UTF8.GetString(next.Data.Span));
        var sweep = body.RootElement.GetProperty("sweep");
        Assert.Equal(("organizations/123", "page-2", "s-1"), (sweep.GetProperty("scope").GetString(), sweep.GetProperty("page_token").GetString(), sweep.GetProperty("sweep_id").GetString()));
    }
}
