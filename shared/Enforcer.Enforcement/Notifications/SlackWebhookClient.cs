using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Enforcer.Enforcement.Notifications;

/// <summary>
/// Posts JSON messages to a Slack incoming webhook with bounded retries: 429, 5xx, timeouts and network errors are
/// retried with exponential backoff (Retry-After honoured up to a bound); other 4xx are permanent. Failures are
/// logged and returned as a value, never thrown: a notification must not change what the caller decided.
/// </summary>
public sealed class SlackWebhookClient(HttpClient http, SlackWebhookOptions options, TimeProvider timeProvider, ILogger<SlackWebhookClient> logger)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public SlackWebhookOptions Options => options;

    /// <summary>Posts one message (a JSON body); <paramref name="subject"/> names it in the failure log line.</summary>
    public async Task<SlackDelivery> PostAsync(ReadOnlyMemory<byte> body, string subject, CancellationToken cancellationToken)
    {
        var backoff = options.InitialBackoff;
        string failure = "no attempt made";
        var attempt = 0;
        while (attempt < options.MaxAttempts)
        {
            attempt++;
            var (delivered, retryable, reason, retryAfter) = await AttemptAsync(body, cancellationToken).ConfigureAwait(false);
            if (delivered)
            {
                return new SlackDelivery(true, attempt, null);
            }

            failure = reason;
            if (!retryable || attempt == options.MaxAttempts)
            {
                break;
            }

            var wait = backoff;
            if (retryAfter is { } asked)
            {
                if (asked > options.MaxRetryAfter)
                {
                    failure = $"{reason}; Retry-After {asked.TotalSeconds:0.#}s is beyond the {options.MaxRetryAfter.TotalSeconds:0.#}s bound";
                    break;
                }

                wait = asked > wait ? asked : wait;
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
        }

        logger.LogError("Slack delivery of {SlackSubject} failed after {SlackAttempts} attempt(s): {SlackFailure}", subject, attempt, failure);
        return new SlackDelivery(false, attempt, failure);
    }

    private async Task<(bool Delivered, bool Retryable, string Reason, TimeSpan? RetryAfter)> AttemptAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AttemptTimeout);
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, options.WebhookUrl) { Content = content };
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (true, false, string.Empty, null);
            }

            var status = (int)response.StatusCode;
            var detail = await ReadDetailAsync(response, timeout.Token).ConfigureAwait(false);
            var reason = $"HTTP {status.ToString(CultureInfo.InvariantCulture)}{detail}";
            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
            return (false, retryable, reason, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, true, $"no answer within {options.AttemptTimeout.TotalSeconds:0.###}s", null);
        }
        catch (HttpRequestException e)
        {
            return (false, true, "network error: " + e.Message, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    // Slack explains refusals in a short plain-text body (invalid_payload, channel_not_found, ...).
    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            text = text.Trim();
            return text.Length == 0 ? string.Empty : " " + (text.Length > 200 ? text[..200] : text);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return string.Empty;
        }
    }
}
