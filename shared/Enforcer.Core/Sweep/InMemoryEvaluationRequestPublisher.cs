using System.Collections.Concurrent;
using Enforcer.Core.Requests;

namespace Enforcer.Core.Sweep;

/// <summary>Keeps published requests in memory: tests and local runs without Pub/Sub.</summary>
public sealed class InMemoryEvaluationRequestPublisher : IEvaluationRequestPublisher, ISweepBatchPublisher
{
    private readonly ConcurrentQueue<EvaluationRequest> _published = new();
    private readonly ConcurrentQueue<SweepRequest> _batches = new();

    /// <summary>Sweep continuations published so far, in order.</summary>
    public IReadOnlyList<SweepRequest> Batches => [.. _batches];

    /// <summary>Everything published so far, in order.</summary>
    public IReadOnlyList<EvaluationRequest> Published => [.. _published];

    /// <inheritdoc/>
    public ValueTask PublishAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        _published.Enqueue(request);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask PublishNextAsync(SweepRequest next, CancellationToken cancellationToken)
    {
        _batches.Enqueue(next);
        return ValueTask.CompletedTask;
    }
}
