using System.Collections.Concurrent;
using Enforcer.Enforcement.Notifications;

namespace Enforcer.Enforcement.Tests;

/// <summary>Keeps the findings handed to the sink; can be told to throw, to show a sink never changes a decision.</summary>
internal sealed class RecordingFindingSink : IFindingSink
{
    private readonly ConcurrentQueue<Finding> _findings = new();

    public IReadOnlyList<Finding> Findings => [.. _findings];

    public bool Throw { get; set; }

    public ValueTask PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (Throw)
        {
            throw new InvalidOperationException("sink exploded");
        }

        foreach (var finding in findings)
        {
            _findings.Enqueue(finding);
        }

        return ValueTask.CompletedTask;
    }
}
