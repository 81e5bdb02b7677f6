using System.Globalization;
using System.Threading.Channels;
using Enforcer.Enforcement.Remediation;

namespace Enforcer.Cli.Local;

/// <summary>
/// `serve`'s stand-in for the remediations topic and its push subscription: Evaluate's requests are queued and POSTed
/// to the local Remediate endpoint as Pub/Sub push requests, off Evaluate's request path. Like Pub/Sub, a non-2xx
/// answer is retried with growing back-off (bounded here, and reported on the console when given up).
/// </summary>
internal sealed class RemediationRelay : IRemediationRequestPublisher, IAsyncDisposable
{
    private readonly Channel<RemediationRequest> _queue = Channel.CreateUnbounded<RemediationRequest>();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly CancellationTokenSource _stop = new();
    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private Task? _pump;
    private long _sequence;

    public RemediationRelay(TextWriter log, TimeProvider time)
    {
        _log = log;
        _time = time;
    }

    /// <summary>Attempts per request before it is given up (Pub/Sub would dead-letter it).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delivers queued requests to <paramref name="remediateUrl"/> until disposed.</summary>
    public void Start(Uri remediateUrl) => _pump = Task.Run(() => PumpAsync(remediateUrl, _stop.Token));

    public ValueTask PublishAsync(RemediationRequest request, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(request, cancellationToken);

    private async Task PumpAsync(Uri remediateUrl, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var request in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await DeliverAsync(remediateUrl, request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped, as an undelivered message on a deleted local topic would be.
        }
    }

    private async Task DeliverAsync(Uri remediateUrl, RemediationRequest request, CancellationToken cancellationToken)
    {
        var messageId = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var delay = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var body = PushBody(request, messageId);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            string outcome;
            try
            {
                using var response = await _http.PostAsync(remediateUrl, content, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                outcome = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
            }
            catch (HttpRequestException ex)
            {
                outcome = ex.Message;
            }

            if (attempt == MaxAttempts)
            {
                await _log.WriteLineAsync($"relay: gave up on remediation {request.RequestId} after {attempt} attempts (last: {outcome})".AsMemory(), cancellationToken).ConfigureAwait(false);
                return;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    // The body a Pub/Sub push subscription POSTs: the request base64-encoded in message.data.
    private byte[] PushBody(RemediationRequest request, string messageId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("message");
            w.WriteBase64String("data", request.ToUtf8Json());
            w.WriteString("messageId", "relay-" + messageId);
            w.WriteString("publishTime", _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteString("subscription", "projects/local/subscriptions/remediations-to-remediate");
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }

        _stop.Dispose();
        _http.Dispose();
    }
}
