using System.Text.Json;

namespace Enforcer.Functions.Tests.Fuzz;

/// <summary>
/// A host under fuzzing: the valid payloads it takes (captured fixtures), the transports they may
/// arrive by, and the payload fields whose wrong types the generator tries, each with its expected answer.
/// </summary>
internal sealed record FuzzTarget(string Name, IReadOnlyList<FuzzPayload> Payloads)
{
    /// <summary>
    /// Evaluate: a LogEntry by any of the five transports, or an evaluation request by Pub/Sub.
    /// A LogEntry whose logName, protoPayload, @type, serviceName or methodName is of the wrong type
    /// still passes the shape check when the other of logName/protoPayload is right, and the mapper
    /// ignores it; an evaluation request with a wrong name or asset_type fails the shape check, and
    /// one whose optional fields have wrong types does not deserialize, which the mapper ignores.
    /// </summary>
    public static FuzzTarget Evaluate { get; } = new("evaluate",
    [
        new FuzzPayload(
            "logentry",
            Fixture.Read("bucket-create.logentry.json"),
            ["audit-binary", "audit-structured", "pubsub-binary", "pubsub-structured", "pubsub-push"],
            UniqueIdPath: "insertId",
            Fields:
            [
                new("logName", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Ignored),
                new("protoPayload", JsonValueKind.Object, NullAllowed: false, FuzzExpectation.Ignored),
                new("protoPayload.@type", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Ignored),
                new("protoPayload.serviceName", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Ignored),
                new("protoPayload.methodName", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Ignored),
            ],
            // Read while mapping, before or after the fields above decide: wrong types here are tried
            // together with one of the ignoring mutations above.
            Secondary:
            [
                "insertId", "timestamp", "receiveTimestamp", "severity", "resource", "resource.type", "resource.labels",
                "resource.labels.bucket_name", "resource.labels.project_id", "operation", "protoPayload.status",
                "protoPayload.status.code", "protoPayload.authenticationInfo", "protoPayload.authenticationInfo.principalEmail",
                "protoPayload.resourceName", "protoPayload.request", "protoPayload.response", "protoPayload.authorizationInfo",
                "protoPayload.resourceLocation", "protoPayload.requestMetadata",
            ],
            BothWrongIsRejected: ["logName", "protoPayload"]),
        new FuzzPayload(
            "evaluation-request",
            Fixture.Read("bucket-sweep.request.json"),
            ["pubsub-binary", "pubsub-structured", "pubsub-push"],
            UniqueIdPath: null,
            Fields:
            [
                new("name", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Rejected),
                new("asset_type", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Rejected),
                new("metadata", JsonValueKind.Object, NullAllowed: true, FuzzExpectation.Ignored),
                new("metadata.src", JsonValueKind.String, NullAllowed: true, FuzzExpectation.Ignored),
                new("project_id", JsonValueKind.String, NullAllowed: true, FuzzExpectation.Ignored),
            ],
            Secondary: [],
            BothWrongIsRejected: []),
    ]);

    /// <summary>
    /// Remediate: a remediation request by Pub/Sub. The shape check needs request_id and policy_id
    /// strings and a resource object; a resource without a usable name or asset_type is accepted and
    /// recorded as a permanent failure (acknowledged, never retried).
    /// </summary>
    public static FuzzTarget Remediate { get; } = new("remediate",
    [
        new FuzzPayload(
            "remediation-request",
            Fixture.Read("bucket-remediation.request.json"),
            ["pubsub-binary", "pubsub-structured", "pubsub-push"],
            UniqueIdPath: "request_id",
            Fields:
            [
                new("request_id", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Rejected),
                new("policy_id", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Rejected),
                new("resource", JsonValueKind.Object, NullAllowed: false, FuzzExpectation.Rejected),
                new("resource.name", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Ignored),
                new("resource.asset_type", JsonValueKind.String, NullAllowed: false, FuzzExpectation.Ignored),
            ],
            Secondary: [],
            BothWrongIsRejected: []),
    ]);
}
