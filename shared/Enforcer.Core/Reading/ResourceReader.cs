using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Enforcer.Core.AuditLogs;
using Enforcer.Core.Resources;

namespace Enforcer.Core.Reading;

/// <summary>
/// Reads a resource's current state (GET, then getIamPolicy when the catalog says so) over an HttpClient the host
/// authenticates. Never waits for readiness: a resource that is changing comes back as <see cref="ResourceNotReady"/>
/// and the platform's redelivery does the waiting.
/// </summary>
public sealed class ResourceReader(HttpClient http, ResourceCatalog catalog, ResourceReaderOptions? options = null)
{
    private readonly ResourceReaderOptions _options = options ?? new ResourceReaderOptions();

    /// <summary>Reads a resource an event touched.</summary>
    public ValueTask<ReadOutcome> ReadAsync(ResourceRef resource, CancellationToken cancellationToken = default) =>
        catalog.Find(resource.AssetType) is { } type
            ? ReadAsync(type, resource.Identifiers, cancellationToken)
            : ValueTask.FromResult<ReadOutcome>(new ReadPermanentFailure(null, $"Asset type '{resource.AssetType}' is not in the resource catalog."));

    /// <summary>Reads a resource of a catalog type by its identifiers.</summary>
    public async ValueTask<ReadOutcome> ReadAsync(ResourceType type, IReadOnlyDictionary<string, string> identifiers, CancellationToken cancellationToken = default)
    {
        var missing = type.Identifiers.Where(id => !identifiers.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return new ReadPermanentFailure(null, $"{type.AssetType} needs identifier(s) {string.Join(", ", missing)}.");
        }

        var baseUrl = _options.BaseUrls.GetValueOrDefault(type.Host);
        var get = await SendAsync(type, type.Get, identifiers, baseUrl, cancellationToken).ConfigureAwait(false);
        if (get.Outcome is not null)
        {
            return get.Outcome;
        }

        using var resourceDoc = get.Document!;
        var resource = resourceDoc.RootElement.Clone();
        var (readiness, value) = CheckReadiness(type, resource);
        if (readiness is null)
        {
            return new ResourceNotReady(type.Readiness!.Field, value!,
                $"{type.AssetType} is {value} ({type.Readiness.Field}); it becomes evaluable at {string.Join(" or ", type.Readiness.Ready)}.");
        }

        JsonElement? iam = null;
        if (type.IamRead is { } iamRead)
        {
            var policy = await SendAsync(type, iamRead, identifiers, baseUrl, cancellationToken).ConfigureAwait(false);
            if (policy.Outcome is not null)
            {
                return policy.Outcome;
            }

            using var iamDoc = policy.Document!;
            iam = iamDoc.RootElement.Clone();
        }

        return new ResourceFound(resource, iam, ReadEtag(resource) ?? get.HeaderEtag, readiness.Value, value);
    }

    private static (ReadinessState? State, string? Value) CheckReadiness(ResourceType type, JsonElement resource)
    {
        if (type.Readiness is not { } rule || !JsonFieldPath.TryGet(resource, rule.Field, out var field) || field.ValueKind != JsonValueKind.String)
        {
            return (ReadinessState.NotApplicable, null);
        }

        var value = field.GetString()!;
        return rule.Ready.Contains(value) ? (ReadinessState.Ready, value)
            : rule.Terminal.Contains(value) ? (ReadinessState.Terminal, value)
            : (null, value);
    }

    private static string? ReadEtag(JsonElement resource)
    {
        foreach (var name in (string[])["etag", "fingerprint", "labelFingerprint", "metageneration"])
        {
            if (resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty(name, out var v))
            {
                if (v.ValueKind == JsonValueKind.String)
                {
                    return v.GetString();
                }

                if (v.ValueKind == JsonValueKind.Number)
                {
                    return v.GetRawText();
                }
            }
        }

        return null;
    }

    private async ValueTask<(JsonDocument? Document, string? HeaderEtag, ReadOutcome? Outcome)> SendAsync(
        ResourceType type, ApiRequestTemplate request, IReadOnlyDictionary<string, string> identifiers, Uri? baseUrl, CancellationToken cancellationToken)
    {
        var isIam = !ReferenceEquals(request, type.Get);
        var query = request.Query;
        if (isIam && request.Verb == "GET")
        {
            var version = $"optionsRequestedPolicyVersion={_options.RequestedPolicyVersion}";
            query = string.IsNullOrEmpty(query) ? version : query + "&" + version;
        }

        Uri url;
        try
        {
            url = type.BuildUrl(request.Path, identifiers, baseUrl, query);
        }
        catch (UriFormatException ex)
        {
            return (null, null, new ReadPermanentFailure(null, $"Cannot build the {type.AssetType} URL: {ex.Message}"));
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Verb), url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Verb == "POST")
        {
            var body = isIam ? $"{{\"options\":{{\"requestedPolicyVersion\":{_options.RequestedPolicyVersion}}}}}" : "{}";
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, null, GoogleErrorClassifier.Classify(response.StatusCode, bytes, request.Permission, type.Host));
            }

            try
            {
                return (JsonDocument.Parse(bytes), response.Headers.ETag?.Tag, null);
            }
            catch (JsonException ex)
            {
                return (null, null, new ReadTransientFailure((int)response.StatusCode, $"{type.Host} returned a body that is not JSON: {ex.Message}"));
            }
        }
        catch (HttpRequestException ex)
        {
            return (null, null, new ReadTransientFailure(null, $"{type.Host} unreachable: {ex.Message}"));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, new ReadTransientFailure(null, $"{type.Host} timed out: {ex.Message}"));
        }
    }
}
