using System.Text.Json;
using Enforcer.Core.Requests;
using Enforcer.Core.Resources;

namespace Enforcer.Core.AuditLogs;

// Turns an evaluation request into the same shape as an audit-log entry: the full name is parsed into the
// catalog type's identifiers, so the reader does not care where the event came from.
internal sealed class EvaluationRequestMapper(ResourceCatalog catalog)
{
    public MappingOutcome Map(JsonElement payload)
    {
        EvaluationRequest? request;
        try
        {
            request = payload.Deserialize(RequestJsonContext.Default.EvaluationRequest);
        }
        catch (JsonException ex)
        {
            return new IgnoredEvent(IgnoreReason.MissingField, $"Evaluation request does not fit the format: {ex.Message}");
        }

        if (request is null || string.IsNullOrEmpty(request.Name) || string.IsNullOrEmpty(request.AssetType))
        {
            return new IgnoredEvent(IgnoreReason.MissingField, "Evaluation request needs a non-empty name and asset_type.");
        }

        var metadata = new EventMetadata
        {
            Source = EventSource.EvaluationRequest,
            Operation = OperationKind.Requested,
            Src = request.Metadata?.Src,
            ControlData = request.ControlData,
            Timestamp = ReadTimestamp(request.Metadata),
        };

        var type = catalog.Find(request.AssetType);
        if (type is null)
        {
            return new IgnoredEvent(IgnoreReason.UnknownAssetType, $"Asset type '{request.AssetType}' is not in the resource catalog.", metadata);
        }

        var identifiers = type.ParseFullName(request.Name);
        if (identifiers is null)
        {
            return new IgnoredEvent(
                IgnoreReason.InvalidResourceName,
                $"'{request.Name}' is not a {type.AssetType} name (expected {type.FullName.Text}).",
                metadata);
        }

        var projectId = type.ProjectIdentifier is { } key && identifiers.TryGetValue(key, out var p) ? p : request.ProjectId;
        var resource = new ResourceRef(type.AssetType, type.FormatFullName(identifiers), identifiers, projectId, OperationKind.Requested, Deleted: false);
        return new MappedEvent(metadata, [resource]);
    }

    private static DateTimeOffset? ReadTimestamp(EvaluationRequestMetadata? metadata) =>
        metadata?.Extra is { } extra && extra.TryGetValue("timestamp", out var ts) && ts.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(ts.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
}
