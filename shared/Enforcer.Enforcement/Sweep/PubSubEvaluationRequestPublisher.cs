using System.Buffers;
using System.Text.Json;
using Enforcer.Core.Requests;
using Enforcer.Core.Sweep;
using Enforcer.Google.PubSub;

namespace Enforcer.Enforcement.Sweep;

/// <summary>
/// Publishes the sweep's evaluation requests, and its continuation batches, to the audit-events topic that Evaluate
/// consumes (ENFORCER_AUDIT_TOPIC). The <c>kind</c> attribute tells them apart in logs and subscriptions.
/// </summary>
public sealed class PubSubEvaluationRequestPublisher(PubSubPublisher publisher, string topic) : IEvaluationRequestPublisher, ISweepBatchPublisher
{
    public async ValueTask PublishAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = JsonSerializer.SerializeToUtf8Bytes(request, RequestJsonContext.Default.EvaluationRequest);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = "evaluation_request", ["src"] = request.Metadata?.Src ?? "unknown" };
        await publisher.PublishAsync(topic, new PubSubMessage(data, attributes), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask PublishNextAsync(SweepRequest next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("sweep");
            JsonSerializer.Serialize(writer, next, RequestJsonContext.Default.SweepRequest);
            writer.WriteEndObject();
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = "sweep" };
        await publisher.PublishAsync(topic, new PubSubMessage(buffer.WrittenSpan.ToArray(), attributes), cancellationToken).ConfigureAwait(false);
    }
}
