using System.Text.Json.Nodes;
using Enforcer.Core.Resources;

namespace Enforcer.FakeGoogle;

// A stored resource: its document, IAM policy, concurrency counters and pending readiness.
internal sealed class FakeResource(ResourceType type, string fullName, IReadOnlyDictionary<string, string> identifiers, JsonObject body)
{
    public ResourceType Type { get; } = type;

    public string FullName { get; } = fullName;

    public IReadOnlyDictionary<string, string> Identifiers { get; } = identifiers;

    public JsonObject Body { get; set; } = body;

    public JsonObject? Iam { get; set; }

    public long Generation { get; set; } = 1;

    public long IamGeneration { get; set; } = 1;

    public string? PendingValue { get; set; }

    public int ReadsUntilReady { get; set; }
}
