using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Enforcer.Core.Resources;

namespace Enforcer.Enforcement.Remediation;

/// <summary>
/// Sends planned calls with the authenticated HttpClient and waits for long-running operations within a small
/// bound (a few polls, seconds apart); an operation still running after that is reported <see cref="CallResultKind.Pending"/>
/// so the redelivery continues instead of the request sleeping.
/// </summary>
public sealed class GoogleApiCaller(HttpClient http, TimeProvider timeProvider, int operationPolls, TimeSpan pollInterval, Func<string, Uri?> baseUrlFor)
{
    public async Task<CallOutcome> CallAsync(ResourceType type, PlannedCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(call);
        var (status, body, outcome) = await SendAsync(new HttpMethod(call.Verb), call.Url, call.Body, cancellationToken).ConfigureAwait(false);
        if (outcome is not null)
        {
            return outcome;
        }

        if (call.Method.Returns != MethodReturns.Operation || body is null)
        {
            return new CallOutcome(CallResultKind.Ok, status, $"{call.Method.Name} returned {status}");
        }

        return await WaitAsync(type, body.Value, status, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CallOutcome> WaitAsync(ResourceType type, JsonElement operation, int status, CancellationToken cancellationToken)
    {
        for (var poll = 0; ; poll++)
        {
            if (OperationState(type, operation) is { } finished)
            {
                return finished with { HttpStatus = status };
            }

            if (poll >= operationPolls || PollUrl(type, operation) is not { } url)
            {
                var name = operation.TryGetProperty("name", out var n) ? n.GetString() : "?";
                return new CallOutcome(CallResultKind.Pending, status, $"operation {name} still running after {poll} poll(s)");
            }

            if (poll > 0)
            {
                await Task.Delay(pollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var (pollStatus, body, failure) = await SendAsync(type.Operations == OperationStyle.Compute ? HttpMethod.Get : HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure.Kind == CallResultKind.Permanent ? failure : new CallOutcome(CallResultKind.Pending, pollStatus, "operation poll failed: " + failure.Detail);
            }

            operation = body ?? default;
        }
    }

    // Null while the operation runs; Ok or Permanent (with its error) once done.
    private static CallOutcome? OperationState(ResourceType type, JsonElement operation)
    {
        if (operation.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var done = type.Operations == OperationStyle.LongRunning
            ? operation.TryGetProperty("done", out var d) && d.ValueKind == JsonValueKind.True
            : operation.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "DONE";
        if (!done)
        {
            return null;
        }

        return operation.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? new CallOutcome(CallResultKind.Permanent, null, "operation failed: " + error.GetRawText())
            : new CallOutcome(CallResultKind.Ok, null, "operation done");
    }

    private Uri? PollUrl(ResourceType type, JsonElement operation)
    {
        var root = baseUrlFor(type.Host)?.ToString() ?? $"https://{type.Host}/";
        if (operation.TryGetProperty("selfLink", out var self) && self.ValueKind == JsonValueKind.String)
        {
            var link = self.GetString()!;
            var real = $"https://{type.Host}/";
            return new Uri(link.StartsWith(real, StringComparison.Ordinal) ? root.TrimEnd('/') + "/" + link[real.Length..] : link);
        }

        if (type.Operations == OperationStyle.LongRunning && operation.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return new Uri(root.TrimEnd('/') + "/" + type.BasePath + name.GetString());
        }

        return null;
    }

    private async Task<(int Status, JsonElement? Body, CallOutcome? Failure)> SendAsync(HttpMethod verb, Uri url, string? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(verb, url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return (status, null, Classify(response.StatusCode, text));
            }

            if (text.Length == 0)
            {
                return (status, null, null);
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return (status, document.RootElement.Clone(), null);
            }
            catch (JsonException)
            {
                return (status, null, null);
            }
        }
        catch (HttpRequestException ex)
        {
            return (0, null, new CallOutcome(CallResultKind.Transient, null, "unreachable: " + ex.Message));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, null, new CallOutcome(CallResultKind.Transient, null, "timed out: " + ex.Message));
        }
    }

    private static CallOutcome Classify(HttpStatusCode status, string body)
    {
        var code = (int)status;
        var detail = $"HTTP {code}: {(body.Length > 300 ? body[..300] : body)}";
        return code switch
        {
            409 or 412 => new CallOutcome(CallResultKind.Conflict, code, detail),
            429 or >= 500 => new CallOutcome(CallResultKind.Transient, code, detail),
            400 when body.Contains("resourceNotReady", StringComparison.Ordinal) => new CallOutcome(CallResultKind.Transient, code, detail),
            _ => new CallOutcome(CallResultKind.Permanent, code, detail),
        };
    }
}
