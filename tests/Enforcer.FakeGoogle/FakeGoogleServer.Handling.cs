using System.Text.Json;
using System.Text.Json.Nodes;
using Enforcer.Core.Resources;
using Microsoft.AspNetCore.Http;

namespace Enforcer.FakeGoogle;

// Request handling: route by host and catalog path templates, then apply the method's semantics.
public sealed partial class FakeGoogleServer
{
    private static readonly HashSet<string> MetaKeys = new(StringComparer.Ordinal) { "updateMask", "fieldMask", "etag", "fingerprint", "labelFingerprint", "name" };

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var raw = (request.Path.Value ?? "/").TrimStart('/');
        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? raw : raw[..slash];
        var path = slash < 0 ? string.Empty : raw[(slash + 1)..];
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        Reply reply;
        lock (_gate)
        {
            reply = TakeFault(host + "/" + path + (query.Length > 0 ? "?" + query : string.Empty)) ?? Route(request.Method, host, path, request.Query, body);
            _calls.Add(new FakeCall(request.Method, host, path, query, body, reply.Status, reply.AssetType, reply.Operation));
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private Reply? TakeFault(string target)
    {
        var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && target.Contains(f.PathContains, StringComparison.Ordinal));
        if (fault is null)
        {
            return null;
        }

        fault.Remaining--;
        return new Reply(fault.Status, fault.Body!, null, "fault");
    }

    private Reply Route(string verb, string host, string path, IQueryCollection query, string body)
    {
        if (host == CloudAssetHost)
        {
            return ListAssets(verb, path, query);
        }

        if (TryOperation(host, path) is { } operation)
        {
            return operation;
        }

        foreach (var type in Catalog.Types)
        {
            if (type.Host != host || !path.StartsWith(type.BasePath, StringComparison.Ordinal))
            {
                continue;
            }

            var segments = path[type.BasePath.Length..].Split('/');
            if (type.IamRead is { } iamRead && iamRead.Verb == verb && Match(type, iamRead.Path, segments, query) is { } iamIds)
            {
                return ReadIam(type, iamIds);
            }

            foreach (var method in type.Methods)
            {
                if (method.Verb == verb && Match(type, method.Path, segments, query) is { } ids)
                {
                    return Invoke(type, method, ids, query, body);
                }
            }

            if (verb == "GET" && Match(type, type.Get.Path, segments, query) is { } getIds)
            {
                return Get(type, getIds);
            }
        }

        return Error(404, $"The fake has no route for {verb} {host}/{path}.", "unrouted");
    }

    private static Dictionary<string, string>? Match(ResourceType type, PathTemplate template, string[] segments, IQueryCollection query)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template.Match(segments, ids) != PathMatch.Full)
        {
            return null;
        }

        // Methods addressed by query (Cloud SQL users.update/delete take ?name=) fill the remaining identifier.
        foreach (var missing in type.Identifiers.Where(id => !ids.ContainsKey(id)).ToList())
        {
            var value = query[missing].FirstOrDefault() ?? query["name"].FirstOrDefault();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            ids[missing] = value;
        }

        return ids;
    }

    private Reply Get(ResourceType type, Dictionary<string, string> ids)
    {
        var fullName = type.FormatFullName(ids);
        if (Find(type.AssetType, fullName) is not { } stored)
        {
            return Error(404, $"The resource '{fullName}' was not found.", "get", type);
        }

        if (stored.PendingValue is not null && type.Readiness is { } rule)
        {
            if (stored.ReadsUntilReady > 0)
            {
                stored.ReadsUntilReady--;
                SetField(stored.Body, rule.Field, stored.PendingValue);
            }
            else
            {
                SetField(stored.Body, rule.Field, rule.Ready[0]);
                stored.PendingValue = null;
            }
        }

        return Ok(stored.Body, type, "get");
    }

    private Reply ReadIam(ResourceType type, Dictionary<string, string> ids)
    {
        var fullName = type.FormatFullName(ids);
        if (Find(type.AssetType, fullName) is not { } stored)
        {
            return Error(404, $"The resource '{fullName}' was not found.", "getIamPolicy", type);
        }

        if (stored.Iam is null)
        {
            stored.Iam = new JsonObject { ["bindings"] = new JsonArray() };
            StampIam(stored);
        }

        return Ok(stored.Iam, type, "getIamPolicy");
    }

    private Reply Invoke(ResourceType type, AllowedMethod method, Dictionary<string, string> ids, IQueryCollection query, string bodyText)
    {
        var fullName = type.FormatFullName(ids);
        if (Find(type.AssetType, fullName) is not { } stored)
        {
            return Error(404, $"The resource '{fullName}' was not found.", method.Name, type);
        }

        JsonObject body;
        try
        {
            body = bodyText.Length == 0 ? [] : JsonNode.Parse(bodyText) as JsonObject ?? [];
        }
        catch (JsonException ex)
        {
            return Error(400, $"Invalid JSON payload received. {ex.Message}", method.Name, type);
        }

        if (CheckPrecondition(stored, method, body, query) is { } conflict)
        {
            return conflict with { Operation = method.Name, AssetType = type.AssetType };
        }

        JsonNode result = stored.Body;
        switch (method.Effect)
        {
            case MethodEffect.Delete:
                _resources.Remove(Key(type.AssetType, fullName));
                break;
            case MethodEffect.Iam:
                var policy = method.Body == MethodBody.PolicyBare ? body : body["policy"] as JsonObject ?? [];
                stored.Iam = (JsonObject)policy.DeepClone();
                stored.IamGeneration++;
                StampIam(stored);
                result = stored.Iam;
                break;
            case MethodEffect.Replace:
                var kept = stored.Body["name"]?.DeepClone();
                stored.Body = (JsonObject)body.DeepClone();
                stored.Body["name"] ??= kept;
                Changed(stored);
                break;
            case MethodEffect.Merge:
                ApplyMerge(stored, method, body);
                Changed(stored);
                break;
        }

        var response = method.Returns switch
        {
            MethodReturns.Operation => StartOperation(type, ids, method, stored),
            MethodReturns.Empty => [],
            _ => (JsonObject)result.DeepClone(),
        };
        return Ok(response, type, method.Name);
    }

    private static void ApplyMerge(FakeResource stored, AllowedMethod method, JsonObject body)
    {
        switch (method.Name)
        {
            case "disable":
                if (stored.Body.ContainsKey("state"))
                {
                    stored.Body["state"] = "DISABLED";
                }
                else
                {
                    stored.Body["disabled"] = true;
                }

                return;
            case "enable":
                stored.Body["state"] = "ENABLED";
                return;
        }

        var patch = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (!MetaKeys.Contains(key))
            {
                patch[key] = value?.DeepClone();
            }
        }

        // {"topic": {...}, "updateMask": "..."}: the resource is wrapped in the request.
        if ((body.ContainsKey("updateMask") || body.ContainsKey("fieldMask")) && patch.Count == 1 && patch.First().Value is JsonObject wrapped)
        {
            patch = (JsonObject)wrapped.DeepClone();
            patch.Remove("name");
        }

        JsonMerge.Into(JsonMerge.At(stored.Body, method.Target), patch);
    }

    private static void Changed(FakeResource stored)
    {
        stored.Generation++;
        StampTokens(stored);
    }

    // The API family's optimistic-concurrency check; null when the write may proceed.
    private static Reply? CheckPrecondition(FakeResource stored, AllowedMethod method, JsonObject body, IQueryCollection query)
    {
        var isIam = method.Effect == MethodEffect.Iam;
        var sentEtag = isIam
            ? (method.Body == MethodBody.PolicyBare ? body["etag"] : body["policy"]?["etag"])?.GetValue<string>()
            : body["etag"]?.GetValue<string>();
        var haveEtag = isIam ? stored.Iam?["etag"]?.GetValue<string>() : stored.Body["etag"]?.GetValue<string>();
        var staleEtag = sentEtag is not null && haveEtag is not null && sentEtag != haveEtag;

        switch (stored.Type.Concurrency)
        {
            case ConcurrencyStyle.Fingerprint:
                var target = JsonMerge.At(stored.Body, isIam ? null : method.Target);
                foreach (var key in (string[])["fingerprint", "labelFingerprint"])
                {
                    if (body[key]?.GetValue<string>() is { } sent && target[key]?.GetValue<string>() is { } have && sent != have)
                    {
                        return Error412($"Supplied {key} does not match current {key}.");
                    }
                }

                return staleEtag ? Error412("Supplied etag does not match the current IAM policy.") : null;
            case ConcurrencyStyle.Metageneration:
                if (query["ifMetagenerationMatch"].FirstOrDefault() is { } wanted
                    && wanted != stored.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    return Error412("At least one of the pre-conditions you specified did not hold.");
                }

                return staleEtag ? Error412("At least one of the pre-conditions you specified did not hold.") : null;
            default:
                return staleEtag
                    ? new Reply(409, GoogleErrors.For(409, "There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff."), null, "")
                    : null;
        }
    }

    private static Reply Error412(string message) => new(412, GoogleErrors.For(412, message), null, "");

    private JsonObject StartOperation(ResourceType type, Dictionary<string, string> ids, AllowedMethod method, FakeResource stored)
    {
        var id = "operation-" + NextId();
        var targetLink = type.BuildUrl(type.Get.Path, ids, BaseUrlFor(type.Host)).ToString();
        var project = ids.GetValueOrDefault("project", "_");
        var snapshot = (JsonObject)stored.Body.DeepClone();
        JsonObject running;
        Func<JsonObject> done;
        switch (type.Operations)
        {
            case OperationStyle.Compute:
                var scope = ids.TryGetValue("zone", out var zone) ? $"zones/{zone}" : ids.TryGetValue("region", out var region) ? $"regions/{region}" : "global";
                var self = new Uri(BaseUrlFor(type.Host), $"{type.BasePath}projects/{project}/{scope}/operations/{id}").ToString();
                running = new JsonObject
                {
                    ["kind"] = "compute#operation",
                    ["id"] = NextId(),
                    ["name"] = id,
                    ["operationType"] = method.Name,
                    ["status"] = "RUNNING",
                    ["targetLink"] = targetLink,
                    ["selfLink"] = self,
                    ["progress"] = 0,
                };
                done = () => WithFields(running, ("status", "DONE"), ("progress", 100));
                break;
            case OperationStyle.SqlAdmin:
                var sqlSelf = new Uri(BaseUrlFor(type.Host), $"{type.BasePath}projects/{project}/operations/{id}").ToString();
                running = new JsonObject
                {
                    ["kind"] = "sql#operation",
                    ["name"] = id,
                    ["operationType"] = method.Name.ToUpperInvariant(),
                    ["status"] = "PENDING",
                    ["targetLink"] = targetLink,
                    ["selfLink"] = sqlSelf,
                    ["targetProject"] = project,
                };
                done = () => WithFields(running, ("status", "DONE"));
                break;
            case OperationStyle.Container:
                var location = ids.GetValueOrDefault("location", "-");
                var gkeSelf = new Uri(BaseUrlFor(type.Host), $"{type.BasePath}projects/{project}/locations/{location}/operations/{id}").ToString();
                running = new JsonObject
                {
                    ["name"] = id,
                    ["operationType"] = method.Name,
                    ["status"] = "RUNNING",
                    ["targetLink"] = targetLink,
                    ["selfLink"] = gkeSelf,
                    ["location"] = location,
                };
                done = () => WithFields(running, ("status", "DONE"));
                break;
            default:
                var name = ids.TryGetValue("location", out var loc) && ids.ContainsKey("project") ? $"projects/{project}/locations/{loc}/operations/{id}"
                    : ids.ContainsKey("project") ? $"projects/{project}/operations/{id}"
                    : $"operations/{id}";
                running = new JsonObject { ["name"] = name, ["done"] = false, ["metadata"] = new JsonObject { ["verb"] = method.Name, ["target"] = stored.FullName } };
                done = () => WithFields(running, ("done", true), ("response", snapshot.DeepClone()));
                break;
        }

        var operation = new FakeOperation(id, running, done, OperationPollsToComplete);
        _operations[id] = operation;
        return operation.Initial;
    }

    private static JsonObject WithFields(JsonObject source, params (string Key, JsonNode? Value)[] fields)
    {
        var copy = (JsonObject)source.DeepClone();
        foreach (var (key, value) in fields)
        {
            copy[key] = value;
        }

        return copy;
    }

    // GET (or compute's POST .../wait) on any ".../operations/{id}" path of a known host.
    private Reply? TryOperation(string host, string path)
    {
        var parts = path.Split('/');
        var index = Array.LastIndexOf(parts, "operations");
        if (index < 0 || index + 1 >= parts.Length)
        {
            return null;
        }

        var id = parts[index + 1];
        var id2 = id.Split(':')[0];
        if (!_operations.TryGetValue(id2, out var operation))
        {
            return Catalog.Types.Any(t => t.Host == host) ? Error(404, $"Operation {id2} not found.", "operations.get") : null;
        }

        return new Reply(200, operation.Poll().ToJsonString(), null, "operations.get");
    }

    private static Reply Ok(JsonNode body, ResourceType type, string operation) => new(200, body.ToJsonString(), type.AssetType, operation);

    private static Reply Error(int status, string message, string operation, ResourceType? type = null) =>
        new(status, GoogleErrors.For(status, message), type?.AssetType, operation);

    private readonly record struct Reply(int Status, string Body, string? AssetType, string Operation);
}
