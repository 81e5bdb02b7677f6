using System.Text.Json;

namespace Enforcer.Core.Reading;

/// <summary>The resource document (and its IAM policy when the type has one), detached from any buffer.</summary>
/// <param name="Resource">The API's GET response.</param>
/// <param name="Iam">The getIamPolicy response, when the catalog type reads IAM.</param>
/// <param name="Etag">The resource's concurrency token (etag, fingerprint or metageneration), if any.</param>
/// <param name="Readiness">Readiness per the catalog's rule.</param>
/// <param name="ReadinessValue">The readiness field's value, for logs.</param>
public sealed record ResourceFound(JsonElement Resource, JsonElement? Iam, string? Etag, ReadinessState Readiness, string? ReadinessValue) : ReadOutcome;
