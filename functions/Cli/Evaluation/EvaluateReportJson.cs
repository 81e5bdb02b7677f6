using System.Text.Json;

namespace Enforcer.Cli.Evaluation;

/// <summary>The --json form of an evaluate run (written by hand with Utf8JsonWriter: no reflection, stable field names).</summary>
internal static class EvaluateReportJson
{
    public static void Write(Stream output, string source, string store, bool enforce, IReadOnlyList<EventReport> events)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("resources_from", source);
        w.WriteString("store", store);
        w.WriteString("mode", enforce ? "enforce" : "dry-run");
        w.WriteStartArray("events");
        foreach (var e in events)
        {
            w.WriteStartObject();
            w.WriteString("file", e.File);
            WriteNullable(w, "event_id", e.EventId);
            w.WriteString("status", e.Status);
            w.WriteString("detail", e.Detail);
            w.WriteBoolean("duplicate", e.Duplicate);
            w.WriteStartArray("resources");
            foreach (var r in e.Resources)
            {
                WriteResource(w, r);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter w, ResourceReport r)
    {
        w.WriteStartObject();
        w.WriteString("asset_type", r.AssetType);
        w.WriteString("name", r.Name);
        w.WriteString("outcome", r.Outcome);
        WriteNullable(w, "detail", r.Detail);
        w.WriteStartArray("policies");
        foreach (var p in r.Policies)
        {
            w.WriteStartObject();
            w.WriteString("policy_id", p.PolicyId);
            WriteNullable(w, "severity", p.Severity);
            w.WriteString("result", p.Result);
            w.WriteString("decision", p.Decision);
            w.WriteStartArray("reasons");
            foreach (var reason in p.Reasons)
            {
                w.WriteStringValue(reason);
            }

            w.WriteEndArray();
            WriteNullable(w, "violation", p.Violation);
            WriteNullable(w, "message", p.Message);
            WriteNullable(w, "request_id", p.RequestId);
            w.WriteStartArray("plan");
            foreach (var call in p.Plan)
            {
                w.WriteStartObject();
                w.WriteString("method", call.Method);
                w.WriteString("verb", call.Verb);
                w.WriteString("url", call.Url);
                WriteNullable(w, "body", call.Body);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteNullable(w, "plan_error", p.PlanError);
            if (p.Remediation is { } rem)
            {
                w.WriteStartObject("remediation");
                w.WriteString("outcome", rem.Outcome);
                w.WriteString("status", rem.Status);
                WriteNullable(w, "reason", rem.Reason);
                if (rem.Verified is { } verified)
                {
                    w.WriteBoolean("verified", verified);
                }
                else
                {
                    w.WriteNull("verified");
                }

                w.WriteStartArray("steps");
                foreach (var step in rem.Steps)
                {
                    w.WriteStartObject();
                    w.WriteString("method", step.Method);
                    w.WriteString("verb", step.Verb);
                    w.WriteString("url", step.Url);
                    w.WriteString("status", step.Status);
                    if (step.HttpStatus is { } http)
                    {
                        w.WriteNumber("http_status", http);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
