using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Enforcer.Rego.Values;

namespace Enforcer.Policies.Embedded;

/// <summary>
/// Moves the embedded engine's input and decisions between the contract types and Rego values directly,
/// without a JSON round trip per evaluation. Anything unexpected is left to the JSON reader
/// (<see cref="PolicyJson.TryReadDecisions"/>), so malformed results are reported exactly as before.
/// </summary>
internal static class DecisionValues
{
    private static readonly StringValue TypeKey = new("type");
    private static readonly StringValue NameKey = new("name");
    private static readonly StringValue ResourceKey = new("resource");
    private static readonly StringValue IamKey = new("iam");
    private static readonly StringValue ProjectKey = new("project");
    private static readonly StringValue AncestorsKey = new("ancestors");

    /// <summary>The input document as a value: the same document <see cref="PolicyInput.ToUtf8Json"/> writes.</summary>
    public static Value Input(PolicyInput input)
    {
        var keys = new List<Value>(6) { TypeKey, NameKey, ResourceKey };
        var values = new List<Value>(6) { new StringValue(input.Type), new StringValue(input.Name), RegoJson.FromElement(input.Resource) };
        if (input.Iam is { } iam && iam.ValueKind != JsonValueKind.Undefined)
        {
            keys.Add(IamKey);
            values.Add(RegoJson.FromElement(iam));
        }

        if (input.Project is not null)
        {
            keys.Add(ProjectKey);
            values.Add(new StringValue(input.Project));
        }

        if (input.Ancestors is not null)
        {
            keys.Add(AncestorsKey);
            values.Add(new ArrayValue(input.Ancestors.Select(a => (Value)new StringValue(a)).ToArray()));
        }

        return ObjectValue.CreateOwned([.. keys], [.. values]);
    }

    /// <summary>Reads well-formed decisions; false (and no error text) for anything the JSON reader should judge.</summary>
    public static bool TryRead(Value result, [NotNullWhen(true)] out IReadOnlyList<PolicyDecision>? decisions)
    {
        decisions = null;
        if (result is not ArrayValue array)
        {
            return false;
        }

        var list = new List<PolicyDecision>(array.Count);
        foreach (var item in array.AsSpan())
        {
            if (item is not ObjectValue o
                || !TryString(o, "policy_id", out var id)
                || !TryString(o, "title", out var title)
                || !TryBool(o, "compliant", out var compliant)
                || !TryBool(o, "excluded", out var excluded)
                || !TryString(o, "severity", out var severityText)
                || !PolicyJson.TryParseSeverity(severityText, out var severity)
                || !TryString(o, "error_code", out var code)
                || !TryString(o, "message", out var message)
                || !TryBool(o, "remediable", out var remediable))
            {
                return false;
            }

            JsonElement? plan = o.TryGetValue("remediation", out var r) && r is ObjectValue ? RegoJson.ToElement(r) : null;
            list.Add(new PolicyDecision(id, title, compliant, excluded, severity, code, message, remediable, plan));
        }

        decisions = list;
        return true;
    }

    private static bool TryString(ObjectValue o, string name, out string value)
    {
        if (o.TryGetValue(name, out var v) && v is StringValue s)
        {
            value = s.Value;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static bool TryBool(ObjectValue o, string name, out bool value)
    {
        if (o.TryGetValue(name, out var v) && v is BooleanValue b)
        {
            value = b.Value;
            return true;
        }

        value = false;
        return false;
    }
}
