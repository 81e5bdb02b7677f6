using System.Collections.Concurrent;

namespace Enforcer.Enforcement.Remediation;

/// <summary>Keeps published requests in memory: the local default without Pub/Sub, and what tests inspect.</summary>
public sealed class InMemoryRemediationRequestPublisher : IRemediationRequestPublisher
{
    private readonly ConcurrentQueue<RemediationRequest> _published = new();

    public IReadOnlyList<RemediationRequest> Published => [.. _published];

    public ValueTask PublishAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        _published.Enqueue(request);
        return ValueTask.CompletedTask;
    }

    /// <summary>Removes and returns everything published so far.</summary>
    public IReadOnlyList<RemediationRequest> Drain()
    {
        var drained = new List<RemediationRequest>();
        while (_published.TryDequeue(out var request))
        {
            drained.Add(request);
        }

        return drained;
    }
}
