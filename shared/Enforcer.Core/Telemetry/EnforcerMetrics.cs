using System.Diagnostics.Metrics;

namespace Enforcer.Core.Telemetry;

/// <summary>
/// The enforcer's instruments, on one <see cref="Meter"/> named <see cref="MeterName"/> (OpenTelemetry picks it up
/// by name). Tag names are fixed here so every function reports the same series.
/// </summary>
public static class EnforcerMetrics
{
    public const string MeterName = "Enforcer";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Deliveries accepted by a function. Tags: function, kind (audit_log, evaluation_request, sweep, remediation_request), outcome.</summary>
    public static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>("enforcer.events.received", "{event}", "Deliveries processed by a function, by outcome");

    /// <summary>Resources read and evaluated. Tags: asset_type, outcome (evaluated, gone, not_ready, denied, failed).</summary>
    public static readonly Counter<long> ResourcesEvaluated = Meter.CreateCounter<long>("enforcer.resources.evaluated", "{resource}", "Resources read and evaluated");

    /// <summary>Policy decisions. Tags: policy, severity, outcome (record, notify, remediate, remediate-dry-run, resolved).</summary>
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>("enforcer.decisions", "{decision}", "Policy decisions taken");

    /// <summary>Remediations finished. Tags: policy, outcome (the record status: succeeded, skipped, dry-run, failed, dead-lettered, quarantined).</summary>
    public static readonly Counter<long> Remediations = Meter.CreateCounter<long>("enforcer.remediations", "{remediation}", "Remediations by outcome");

    /// <summary>Time to process one delivery, in seconds. Tags: function, outcome.</summary>
    public static readonly Histogram<double> ProcessingDuration = Meter.CreateHistogram<double>("enforcer.processing.duration", "s", "Time to process one delivery");

    /// <summary>Time for the policy engine to evaluate one resource, in seconds. Tags: engine.</summary>
    public static readonly Histogram<double> PolicyEvaluationDuration = Meter.CreateHistogram<double>("enforcer.policy.evaluation.duration", "s", "Policy engine time per resource");
}
