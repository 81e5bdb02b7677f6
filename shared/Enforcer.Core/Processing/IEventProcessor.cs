namespace Enforcer.Core.Processing;

/// <summary>The service a function host hands each accepted delivery to.</summary>
public interface IEventProcessor
{
    Task<ProcessingOutcome> ProcessAsync(EventEnvelope envelope, CancellationToken cancellationToken);
}
