using System.Collections.Concurrent;
using Enforcer.Enforcement.Remediation;

namespace Enforcer.Cli.Local;

/// <summary>Keeps the alerts Remediate raises (quarantine, dead letter) so the command can print them.</summary>
internal sealed class RecordingAlertSink : IAlertSink
{
    private readonly ConcurrentQueue<Alert> _alerts = new();

    public IReadOnlyList<Alert> Alerts => [.. _alerts];

    public ValueTask RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        _alerts.Enqueue(alert);
        return ValueTask.CompletedTask;
    }
}
