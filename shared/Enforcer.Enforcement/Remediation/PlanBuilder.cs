using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Enforcer.Core.Resources;
using Enforcer.Core.Storage;

namespace Enforcer.Enforcement.Remediation;

/// <summary>
/// Turns a remediation plan (<c>{"_remediation_spec": "v2"|"v2beta1", "steps": [{method, params{..., body}}]}</c>)
/// into HTTP requests. Only methods in the resource type's allowlist are accepted, and a step may only address
/// the resource that was evaluated: a parameter naming an identifier must carry that resource's value.
/// </summary>
public static class PlanBuilder
{
    private static readonly HashSet<string> ConcurrencyTokens = new(StringComparer.Ordinal) { "etag", "fingerprint", "labelFingerprint", "ifMetagenerationMatch", "metageneration" };

    public static (IReadOnlyList<PlannedCall>? Calls, string? Error) Build(ResourceType type, IReadOnlyDictionary<string, string> identifiers, JsonElement plan, Uri? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(identifiers);
        if (plan.ValueKind != JsonValueKind.Object
            || !plan.TryGetProperty("_remediation_spec", out var spec) || spec.GetString() is not ("v2" or "v2beta1")
            || !plan.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            return (null, "the plan is not a v2/v2beta1 remediation spec with a steps array");
        }

        var calls = new List<PlannedCall>();
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            if (step.ValueKind != JsonValueKind.Object || !step.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
            {
                return (null, $"step {index} has no method");
            }

            var name = m.GetString()!;
            if (type.FindMethod(name) is not { } method)
            {
                return (null, $"step {index}: method '{name}' is not in the {type.AssetType} allowlist");
            }

            var values = new Dictionary<string, string>(identifiers, StringComparer.Ordinal);
            var query = new List<string>();
            string? body = null;
            if (step.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in parameters.EnumerateObject())
                {
                    if (p.NameEquals("body"))
                    {
                        body = p.Value.GetRawText();
                        continue;
                    }

                    var text = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString()!,
                        JsonValueKind.Number => p.Value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => null,
                    };
                    if (text is null)
                    {
                        return (null, $"step {index}: parameter '{p.Name}' must be a scalar");
                    }

                    if (identifiers.TryGetValue(p.Name, out var own))
                    {
                        if (own != text)
                        {
                            return (null, $"step {index}: parameter '{p.Name}' names '{text}', not the evaluated resource ('{own}')");
                        }

                        continue;
                    }

                    if (method.Path.Variables.Contains(p.Name))
                    {
                        values[p.Name] = text;
                    }
                    else
                    {
                        query.Add(Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(text));
                    }
                }
            }

            var missing = method.Path.Variables.Where(v => !values.ContainsKey(v)).ToList();
            if (missing.Count > 0)
            {
                return (null, $"step {index}: no value for {string.Join(", ", missing)}");
            }

            if (method.Body == MethodBody.None)
            {
                body = null;
            }

            var url = type.BuildUrl(method.Path, values, baseUrl, query.Count == 0 ? null : string.Join('&', query));
            calls.Add(new PlannedCall(index, method, Identity(name, parameters), method.Verb, url, body));
            index++;
        }

        return (calls, null);
    }

    /// <summary>Method plus parameters with concurrency tokens removed at any depth: the same change re-planned after a re-read keeps its identity.</summary>
    public static string Identity(string method, JsonElement parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WithoutTokens(parameters, writer);
        }

        return StoreKeys.Of("step", method, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WithoutTokens(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!ConcurrencyTokens.Contains(p.Name))
                    {
                        writer.WritePropertyName(p.Name);
                        WithoutTokens(p.Value, writer);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WithoutTokens(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Undefined:
                writer.WriteNullValue();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    internal static string Describe(PlannedCall call) => string.Create(CultureInfo.InvariantCulture, $"{call.Verb} {call.Url}");
}
