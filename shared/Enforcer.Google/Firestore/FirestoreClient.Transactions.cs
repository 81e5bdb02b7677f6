using Enforcer.Google.Errors;

namespace Enforcer.Google.Firestore;

// Read-write transactions: begin, read with the transaction id, commit the buffered writes, roll back
// on failure, and retry the whole body when Firestore aborts it for contention.
public sealed partial class FirestoreClient
{
    /// <summary>
    /// Runs <paramref name="body"/> in a read-write transaction and commits its buffered writes. When
    /// Firestore aborts the transaction (contention), rolls back, waits with jittered exponential backoff
    /// and runs the body again, up to <see cref="FirestoreClientOptions.TransactionMaxAttempts"/> times;
    /// the body must therefore be safe to repeat and must do its reads through the transaction. A commit
    /// stopped by a precondition throws a non-transient <see cref="GoogleApiException"/>.
    /// </summary>
    public async Task<T> RunTransactionAsync<T>(Func<FirestoreTransaction, Task<T>> body, CancellationToken cancellationToken = default)
    {
        string? previous = null;
        var backoff = Options.TransactionInitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var id = await BeginTransactionAsync(previous, cancellationToken).ConfigureAwait(false);
            var transaction = new FirestoreTransaction(this, id, cancellationToken);
            try
            {
                var result = await body(transaction).ConfigureAwait(false);
                var commit = await CommitCoreAsync(transaction.Writes, id, cancellationToken).ConfigureAwait(false);
                return commit.Succeeded ? result : throw new GoogleApiException(commit.Error!);
            }
            catch (GoogleApiException ex) when (ex.Status == "ABORTED" && attempt < Options.TransactionMaxAttempts)
            {
                await RollbackQuietlyAsync(id).ConfigureAwait(false);
                previous = id;
                var delay = TimeSpan.FromTicks((long)(backoff.Ticks * (0.5 + (Random.Shared.NextDouble() / 2))));
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Options.TransactionMaxBackoff.Ticks));
            }
            catch
            {
                // Release the transaction's locks (the emulator holds them until rollback or expiry).
                await RollbackQuietlyAsync(id).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Starts a read-write transaction; pass the aborted one's id on retry to keep its priority.</summary>
    public async Task<string> BeginTransactionAsync(string? retryTransaction = null, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, $"v1/{DatabaseName}/documents:beginTransaction", w =>
        {
            w.WriteStartObject();
            if (retryTransaction is not null)
            {
                w.WriteStartObject("options");
                w.WriteStartObject("readWrite");
                w.WriteString("retryTransaction", retryTransaction);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToException();
        }

        using var json = response.Parse();
        return json.RootElement.GetProperty("transaction").GetString()!;
    }

    /// <summary>Commits writes in a transaction started with <see cref="BeginTransactionAsync"/>.</summary>
    public Task<CommitResult> CommitTransactionAsync(string transaction, IEnumerable<FirestoreWrite> writes, CancellationToken cancellationToken = default) =>
        CommitCoreAsync(writes.ToArray(), transaction, cancellationToken);

    /// <summary>Abandons a transaction and releases its locks.</summary>
    public async Task RollbackAsync(string transaction, CancellationToken cancellationToken = default)
    {
        var response = await _transport.SendAsync(HttpMethod.Post, $"v1/{DatabaseName}/documents:rollback", w =>
        {
            w.WriteStartObject();
            w.WriteString("transaction", transaction);
            w.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToException();
        }
    }

    private async Task RollbackQuietlyAsync(string transaction)
    {
        // Runs even when the caller was cancelled, so it gets its own short deadline instead.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _timeProvider);
        try
        {
            await RollbackAsync(transaction, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is GoogleApiException or OperationCanceledException)
        {
            // Best effort: an aborted or expired transaction may already be gone.
        }
    }
}
