using Enforcer.Core.Processing;
using Enforcer.Core.Sweep;

namespace Enforcer.Enforcement.Pipeline;

/// <summary>Evaluate's entry: sweep batches go to the sweeper, everything else (audit logs, evaluation requests) to the pipeline.</summary>
public sealed class EvaluateRouter(EvaluationPipeline pipeline, SweepBatchProcessor? sweeps) : IEventProcessor
{
    public Task<ProcessingOutcome> ProcessAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (SweepBatchProcessor.IsSweep(envelope.Payload))
        {
            return sweeps is null
                ? Task.FromResult(ProcessingOutcome.Permanent("sweeps are not configured on this instance (ENFORCER_AUDIT_TOPIC is not set)"))
                : sweeps.RunAsync(envelope.Payload, cancellationToken);
        }

        return pipeline.ProcessAsync(envelope, cancellationToken);
    }
}
