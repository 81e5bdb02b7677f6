using System.Text.Json.Serialization;
using Enforcer.Google.Errors;
using Enforcer.Google.PubSub.Wire;

namespace Enforcer.Google;

/// <summary>Source-generated serializers for the fixed-shape wire types (AOT-safe, no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GoogleErrorEnvelope))]
[JsonSerializable(typeof(PublishRequest))]
[JsonSerializable(typeof(PublishResponse))]
[JsonSerializable(typeof(TopicResource))]
[JsonSerializable(typeof(SubscriptionResource))]
[JsonSerializable(typeof(PullRequest))]
[JsonSerializable(typeof(PullResponse))]
[JsonSerializable(typeof(AcknowledgeRequest))]
internal sealed partial class GoogleJsonContext : JsonSerializerContext;
