using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Enforcer.Policies.Opa;

/// <summary>
/// <see cref="IPolicyEngine"/> over OPA's REST Data API: one POST <c>/v1/data/enforcer/decisions</c> per resource.
/// Bounded retries on transient failures (429, 5xx, timeouts, connection errors); an answer without
/// <c>result</c> means the document is undefined and comes back as <see cref="PolicyErrorKind.Undefined"/>
/// (fail closed). Caller cancellation propagates as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class OpaPolicyEngine : IPolicyEngine
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly OpaEngineOptions _options;
    private readonly TimeProvider _timeProvider;

    public OpaPolicyEngine(HttpClient http, OpaEngineOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _http = http;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async Task<PolicyEvaluation> EvaluateAsync(PolicyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var response = await SendAsync(HttpMethod.Post, _options.DecisionsPath, input.ToUtf8Json(wrapForOpa: true), cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            return PolicyEvaluation.Failure(error.Kind, error.Message);
        }

        return PolicyJson.TryReadDecisions(response.Result, out var decisions, out var message)
            ? PolicyEvaluation.Success(decisions)
            : PolicyEvaluation.Failure(PolicyErrorKind.Permanent, message);
    }

    /// <inheritdoc/>
    public async Task<PolicyListing> ListPoliciesAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, _options.CatalogPath, null, cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            return PolicyListing.Failure(error.Kind, error.Message);
        }

        return PolicyJson.TryReadCatalog(response.Result, out var policies, out var message)
            ? PolicyListing.Success(policies)
            : PolicyListing.Failure(PolicyErrorKind.Permanent, message);
    }

    private async Task<OpaResponse> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        var url = new Uri(_options.BaseAddress, "v1/data/" + path.TrimStart('/'));
        var lastError = "no attempt made";
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                var delay = _options.RetryDelay * Math.Pow(2, attempt - 2);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonMediaType } };
                }

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return Parse(bytes, path);
                }

                var detail = $"OPA answered {(int)response.StatusCode} for {path}: {Excerpt(bytes)}";
                if (!IsTransient(response.StatusCode))
                {
                    return OpaResponse.Failed(PolicyErrorKind.Permanent, detail);
                }

                lastError = detail;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = $"OPA did not answer {path} within {_options.Timeout.TotalMilliseconds:0} ms";
            }
            catch (HttpRequestException ex)
            {
                lastError = $"OPA unreachable for {path}: {ex.Message}";
            }
        }

        return OpaResponse.Failed(PolicyErrorKind.Transient, $"{lastError} (after {_options.MaxAttempts} attempts)");
    }

    private static OpaResponse Parse(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return OpaResponse.Failed(PolicyErrorKind.Permanent, $"OPA's answer for {path} is not a JSON object");
            }

            return document.RootElement.TryGetProperty("result", out var result)
                ? new OpaResponse(result.Clone(), null)
                : OpaResponse.Failed(PolicyErrorKind.Undefined, $"data/{path} is undefined on OPA (no result; are the policies loaded?)");
        }
        catch (JsonException ex)
        {
            return OpaResponse.Failed(PolicyErrorKind.Permanent, $"OPA's answer for {path} is not JSON: {ex.Message}");
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string Excerpt(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
        return text.Length == 0 ? "(empty body)" : text;
    }

    private readonly record struct OpaResponse(JsonElement Result, PolicyEngineError? Error)
    {
        public static OpaResponse Failed(PolicyErrorKind kind, string message) => new(default, new PolicyEngineError(kind, message));
    }
}
