using System.Text.Json;
using Enforcer.Core.Processing;
using Enforcer.Core.Reading;
using Enforcer.Core.Requests;

namespace Enforcer.Core.Sweep;

/// <summary>
/// Evaluate's handling of <c>{"sweep": {...}}</c> (the scheduler's message, then each continuation): runs one bounded
/// batch with <see cref="AssetSweeper"/> and publishes the next batch, so no invocation runs long. A CAI failure
/// before anything was published answers transient (the platform redelivers the same batch); after some pages were
/// published, the batch continues from the failed page in a new message instead, so nothing is published twice.
/// </summary>
public sealed class SweepBatchProcessor(AssetSweeper sweeper, ISweepBatchPublisher next)
{
    /// <summary>True when the payload is a sweep batch (an object with a <c>sweep</c> object).</summary>
    public static bool IsSweep(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("sweep", out var sweep) && sweep.ValueKind == JsonValueKind.Object;

    public async Task<ProcessingOutcome> RunAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        SweepRequest? request;
        try
        {
            request = payload.GetProperty("sweep").Deserialize(RequestJsonContext.Default.SweepRequest);
        }
        catch (JsonException ex)
        {
            return ProcessingOutcome.Permanent($"sweep request is malformed: {ex.Message}");
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Scope))
        {
            return ProcessingOutcome.Permanent("sweep request needs a scope (organizations/ID, folders/ID or projects/ID)");
        }

        var outcome = await sweeper.RunAsync(request, cancellationToken).ConfigureAwait(false);
        var done = $"sweep {request.Scope}: {outcome.Published} request(s) published, {outcome.Skipped} skipped, {outcome.Pages} page(s)";
        if (outcome.Failure is { } failure)
        {
            if (!failure.IsTransient)
            {
                return ProcessingOutcome.Permanent($"{done}; stopped: {Describe(failure)}");
            }

            if (outcome.Published == 0 || outcome.Next is null)
            {
                return ProcessingOutcome.Transient($"{done}; will retry: {Describe(failure)}");
            }

            await next.PublishNextAsync(outcome.Next, cancellationToken).ConfigureAwait(false);
            return ProcessingOutcome.Completed($"{done}; continues from the failed page in a new batch: {Describe(failure)}");
        }

        if (outcome.Next is { } more)
        {
            await next.PublishNextAsync(more, cancellationToken).ConfigureAwait(false);
            return ProcessingOutcome.Completed($"{done}; next batch published");
        }

        return ProcessingOutcome.Completed($"{done}; sweep complete");
    }

    private static string Describe(ReadOutcome failure) => failure switch
    {
        ReadPermissionDenied denied => denied.Message,
        ReadTransientFailure transient => $"{transient.Status} {transient.Message}",
        ReadPermanentFailure permanent => $"{permanent.Status} {permanent.Message}",
        _ => failure.ToString(),
    };
}
