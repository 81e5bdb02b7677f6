using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Enforcer.Core.Resources;

namespace Enforcer.Core.AuditLogs;

// Maps a Cloud Audit Log LogEntry to catalog resources. The general rule is data-driven (AuditMapping per
// type: services, method fragments, resourceName templates, field fallbacks); the few multi-resource cases the
// seed handled (instance disks, GKE node pools, batch service enables) are in AuditLogMapper.Extras.cs.
internal sealed partial class AuditLogMapper
{
    private const string AuditLogType = "type.googleapis.com/google.cloud.audit.AuditLog";
    private static readonly string[] NameSources = ["protoPayload.resourceName", "protoPayload.response.name", "protoPayload.request.name"];

    private readonly ResourceCatalog _catalog;
    private readonly EventMapperOptions _options;
    private readonly FrozenDictionary<string, ResourceType[]> _byService;

    public AuditLogMapper(ResourceCatalog catalog, EventMapperOptions options)
    {
        _catalog = catalog;
        _options = options;
        _byService = catalog.Types
            .SelectMany(t => t.Audit.Services.Select(s => (Service: s, Type: t)))
            .GroupBy(x => x.Service, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Type).ToArray(), StringComparer.Ordinal);
    }

    public MappingOutcome Map(JsonElement entry)
    {
        if (!entry.TryGetProperty("protoPayload", out var proto) || proto.ValueKind != JsonValueKind.Object)
        {
            return new IgnoredEvent(IgnoreReason.NotAuditLog, "LogEntry has no protoPayload object.");
        }

        if (JsonFieldPath.GetString(proto, "@type") is not AuditLogType)
        {
            return new IgnoredEvent(IgnoreReason.NotAuditLog, $"protoPayload is not an AuditLog ({JsonFieldPath.GetString(proto, "@type") ?? "no @type"}).");
        }

        var serviceName = JsonFieldPath.GetString(proto, "serviceName");
        var methodName = JsonFieldPath.GetString(proto, "methodName");
        var kind = ClassifyLog(JsonFieldPath.GetString(entry, "logName"));
        var operation = OperationClassifier.Classify(methodName);
        var metadata = new EventMetadata
        {
            Source = EventSource.AuditLog,
            InsertId = JsonFieldPath.GetString(entry, "insertId"),
            Timestamp = ParseTime(JsonFieldPath.GetString(entry, "timestamp")),
            PrincipalEmail = JsonFieldPath.GetString(proto, "authenticationInfo.principalEmail"),
            ServiceName = serviceName,
            MethodName = methodName,
            MonitoredResourceType = JsonFieldPath.GetString(entry, "resource.type"),
            LogKind = kind,
            Operation = operation,
            OperationId = JsonFieldPath.GetString(entry, "operation.id"),
            OperationFirst = JsonFieldPath.TryGet(entry, "operation.first", out var first) && first.ValueKind == JsonValueKind.True,
            OperationLast = JsonFieldPath.TryGet(entry, "operation.last", out var last) && last.ValueKind == JsonValueKind.True,
            Src = "audit-log",
        };

        switch (kind)
        {
            case LogKind.Unknown:
                return new IgnoredEvent(IgnoreReason.NotAuditLog, "logName is missing or is not a cloudaudit.googleapis.com log.", metadata);
            case LogKind.DataAccess when !_options.MapDataAccess:
                return new IgnoredEvent(IgnoreReason.DataAccessLog, "Data-access audit entries are not mapped (reads and data writes do not change configuration).", metadata);
            case LogKind.SystemEvent when !_options.MapSystemEvent:
                return new IgnoredEvent(IgnoreReason.SystemEventLog, "System-event audit entries are not mapped (changes made by Google systems).", metadata);
            case LogKind.PolicyDenied:
                return new IgnoredEvent(IgnoreReason.PolicyDeniedLog, "Policy-denied audit entries record refused calls; nothing changed.", metadata);
        }

        if (serviceName is null || methodName is null)
        {
            return new IgnoredEvent(IgnoreReason.MissingField, "AuditLog needs serviceName and methodName.", metadata);
        }

        if (JsonFieldPath.TryGet(proto, "status.code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var c) && c != 0)
        {
            return new IgnoredEvent(IgnoreReason.FailedOperation, $"{methodName} failed with status {c}; nothing changed.", metadata);
        }

        if (operation == OperationKind.Read)
        {
            return new IgnoredEvent(IgnoreReason.ReadOnlyOperation, $"{methodName} is a read.", metadata);
        }

        if (!_byService.TryGetValue(serviceName, out var types))
        {
            return new IgnoredEvent(IgnoreReason.UnmappedService, $"No catalog type is logged by {serviceName}.", metadata);
        }

        var resourceType = JsonFieldPath.GetString(entry, "resource.type");
        var names = ReadNames(entry);
        var split = names.ConvertAll(n => n.Split('/'));
        Candidate? best = null;
        foreach (var type in types)
        {
            if (!MethodApplies(type.Audit, methodName))
            {
                continue;
            }

            var candidate = Resolve(type, entry, split, resourceType);
            if (candidate is not null && (best is null || candidate.Value.Beats(best.Value)))
            {
                best = candidate;
            }
        }

        if (best is not { } chosen)
        {
            var shown = names.Count > 0 ? names[0] : "(no resourceName)";
            return new IgnoredEvent(IgnoreReason.UnmappedResource, $"{serviceName} {methodName} on {shown} names no catalog resource.", metadata);
        }

        if (IsHiddenAppEngineVm(chosen))
        {
            return new IgnoredEvent(IgnoreReason.HiddenResource, $"{chosen.Identifiers["instance"]} is an App Engine flexible VM, hidden from the Compute API.", metadata);
        }

        var resources = new List<ResourceRef>(2) { ToRef(chosen, operation) };
        AddExtras(chosen, entry, operation, resources);
        return new MappedEvent(metadata, resources);
    }

    private static LogKind ClassifyLog(string? logName)
    {
        if (logName is null)
        {
            return LogKind.Unknown;
        }

        var at = logName.IndexOf("/logs/", StringComparison.Ordinal);
        var logId = at >= 0 ? logName[(at + 6)..] : logName;
        logId = logId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return logId switch
        {
            "cloudaudit.googleapis.com/activity" => LogKind.Activity,
            "cloudaudit.googleapis.com/data_access" => LogKind.DataAccess,
            "cloudaudit.googleapis.com/system_event" => LogKind.SystemEvent,
            "cloudaudit.googleapis.com/policy" => LogKind.PolicyDenied,
            _ => LogKind.Unknown,
        };
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static bool MethodApplies(AuditMapping audit, string methodName)
    {
        if (audit.MethodFragments.Count == 0)
        {
            return true;
        }

        foreach (var fragment in audit.MethodFragments)
        {
            if (methodName.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // resourceName first, then the response's and the request's own name (a created key, a patched cluster).
    private static List<string> ReadNames(JsonElement entry)
    {
        var names = new List<string>(3);
        foreach (var source in NameSources)
        {
            if (JsonFieldPath.GetString(entry, source) is { } raw && Normalize(raw) is { Length: > 0 } name && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    // Accepts relative names, full names (//host/...) and API URLs (https://host/compute/v1/...).
    private static string Normalize(string raw)
    {
        var name = raw.Trim();
        if (name.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = name.IndexOf('/', 2);
            return slash < 0 ? string.Empty : name[(slash + 1)..];
        }

        if (name.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || name.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            var start = name.IndexOf("//", StringComparison.Ordinal) + 2;
            var slash = name.IndexOf('/', start);
            if (slash < 0)
            {
                return string.Empty;
            }

            var parts = name[(slash + 1)..].Split('/');
            // Drop the API prefix up to and including a version segment ("compute/v1", "v1", "sql/v1beta4").
            for (var i = 0; i < Math.Min(3, parts.Length); i++)
            {
                if (parts[i].Length > 1 && parts[i][0] == 'v' && char.IsAsciiDigit(parts[i][1]))
                {
                    return string.Join('/', parts[(i + 1)..]);
                }
            }

            return string.Join('/', parts);
        }

        return name.TrimStart('/');
    }

    [ThreadStatic]
    private static Dictionary<string, string>? _scratch;

    private static Dictionary<string, string> Scratch => _scratch ??= new Dictionary<string, string>(StringComparer.Ordinal);

    private static Candidate? Resolve(ResourceType type, JsonElement entry, List<string[]> names, string? monitoredResource)
    {
        Candidate? best = null;
        for (var n = 0; n < names.Count; n++)
        {
            var segments = names[n];
            foreach (var template in type.Audit.ResourceNames)
            {
                // Template.Match writes only on success, so the dictionary is allocated for real matches only.
                var ids = Scratch;
                ids.Clear();
                var match = template.Match(segments, ids);
                if (match == PathMatch.None)
                {
                    continue;
                }

                ids = new Dictionary<string, string>(ids, StringComparer.Ordinal);

                FillFromFields(type, entry, ids);
                if (!IsComplete(type, ids))
                {
                    continue;
                }

                var candidate = new Candidate(type, ids, match, n);
                if (best is null || candidate.Beats(best.Value))
                {
                    best = candidate;
                }
            }
        }

        // Field-only matches (the seed's label-based branches) need the monitored resource to agree,
        // otherwise any entry carrying a project label would match every project-level type.
        if (best is null && type.Audit.MonitoredResource is { } expected && expected == monitoredResource)
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            FillFromFields(type, entry, ids);
            if (IsComplete(type, ids))
            {
                best = new Candidate(type, ids, PathMatch.None, names.Count);
            }
        }

        return best;
    }

    private static void FillFromFields(ResourceType type, JsonElement entry, Dictionary<string, string> ids)
    {
        foreach (var (identifier, paths) in type.Audit.Fields)
        {
            if (ids.TryGetValue(identifier, out var have) && !IsPlaceholder(have))
            {
                continue;
            }

            foreach (var path in paths)
            {
                if (JsonFieldPath.GetString(entry, path) is { } raw && Sanitize(identifier, raw) is { Length: > 0 } value && !IsPlaceholder(value))
                {
                    ids[identifier] = value;
                    break;
                }
            }
        }
    }

    // Labels sometimes hold a path (pubsub topic_id) or "project:instance" (Cloud SQL database_id).
    private static string Sanitize(string identifier, string raw)
    {
        var value = raw[(raw.LastIndexOf('/') + 1)..];
        if (identifier != "project")
        {
            value = value[(value.LastIndexOf(':') + 1)..];
        }

        return value.Trim();
    }

    // "projects/_/buckets/b" and "projects/-/serviceAccounts/x" are wildcards, not identifiers.
    private static bool IsPlaceholder(string value) => value is "_" or "-";

    private static bool IsComplete(ResourceType type, Dictionary<string, string> ids)
    {
        foreach (var identifier in type.Identifiers)
        {
            if (!ids.TryGetValue(identifier, out var value) || value.Length == 0 || IsPlaceholder(value))
            {
                return false;
            }
        }

        return true;
    }

    private static ResourceRef ToRef(Candidate c, OperationKind operation)
    {
        // A call on a part of the resource (a Bigtable cluster, a key version) changes the resource, never deletes or creates it.
        var onChild = c.Match == PathMatch.PathIsChild;
        var op = onChild && operation is OperationKind.Delete or OperationKind.Create ? OperationKind.Update : operation;
        return MakeRef(c.Type, c.Identifiers, op);
    }

    private static ResourceRef MakeRef(ResourceType type, IReadOnlyDictionary<string, string> ids, OperationKind op, string? projectFallback = null)
    {
        var project = ids.TryGetValue(type.ProjectIdentifier ?? "project", out var p) ? p : projectFallback;
        return new ResourceRef(type.AssetType, type.FormatFullName(ids), ids, project, op, op == OperationKind.Delete);
    }

    private readonly record struct Candidate(ResourceType Type, Dictionary<string, string> Identifiers, PathMatch Match, int NameSource)
    {
        // The most specific type wins (a table over its dataset), then the closest match, then the earlier name source.
        public bool Beats(Candidate other)
        {
            var bySize = Type.Identifiers.Count.CompareTo(other.Type.Identifiers.Count);
            if (bySize != 0)
            {
                return bySize > 0;
            }

            var byMatch = Rank(Match).CompareTo(Rank(other.Match));
            return byMatch != 0 ? byMatch > 0 : NameSource < other.NameSource;
        }

        private static int Rank(PathMatch match) => match switch
        {
            PathMatch.Full => 3,
            PathMatch.PathIsParent => 2,
            PathMatch.PathIsChild => 1,
            _ => 0,
        };
    }
}
