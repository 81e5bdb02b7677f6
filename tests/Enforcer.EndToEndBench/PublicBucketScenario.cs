using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Enforcer.FakeGoogle;
using Enforcer.Google.PubSub;

namespace Enforcer.EndToEndBench;

/// <summary>
/// What each measured event is about: a bucket made public. Every bucket is a renamed copy of the sample
/// <c>acme-old-logs</c> (samples/resources: <c>allUsers</c> may read objects, public access prevention only inherited)
/// and its event a renamed copy of the sample setIamPolicy audit-log entry (samples/events/bucket-setiam-public.json).
/// The policies open two violations on such a bucket, each with a plan: setIamPolicy without the public members, and
/// a PATCH enforcing public access prevention.
/// </summary>
internal sealed class PublicBucketScenario
{
    public const string BucketType = "storage.googleapis.com/Bucket";
    private const string SampleBucket = "acme-old-logs";
    private static readonly string[] PublicMembers = ["allUsers", "allAuthenticatedUsers"];

    private readonly string _resourceTemplate;
    private readonly string _eventTemplate;
    private readonly string _runId;

    public PublicBucketScenario(string repositoryRoot, string runId)
    {
        _resourceTemplate = File.ReadAllText(Path.Combine(repositoryRoot, "samples", "resources", SampleBucket + ".json"));
        _eventTemplate = File.ReadAllText(Path.Combine(repositoryRoot, "samples", "events", "bucket-setiam-public.json"));
        _runId = runId;
    }

    public static string FullName(string bucket) => "//storage.googleapis.com/" + bucket;

    /// <summary>Stores the public bucket in the fake; returns its full resource name.</summary>
    public string Seed(FakeGoogleServer fake, string bucket)
    {
        var snapshot = JsonNode.Parse(_resourceTemplate.Replace(SampleBucket, bucket, StringComparison.Ordinal))!.AsObject();
        return fake.Seed(
            snapshot["asset_type"]!.GetValue<string>(),
            snapshot["name"]!.GetValue<string>(),
            snapshot["resource"]!.AsObject(),
            snapshot["iam"]?.AsObject());
    }

    /// <summary>The audit-log entry announcing the change, as a log sink publishes it: a fresh insertId, timestamped now.</summary>
    public PubSubMessage EventFor(string bucket, DateTimeOffset now)
    {
        var entry = JsonNode.Parse(_eventTemplate.Replace(SampleBucket, bucket, StringComparison.Ordinal))!.AsObject();
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        entry["insertId"] = $"{_runId}-{bucket}";
        entry["timestamp"] = stamp;
        entry["receiveTimestamp"] = stamp;
        return new PubSubMessage(Encoding.UTF8.GetBytes(entry.ToJsonString()));
    }

    /// <summary>Why the bucket in the fake is not fixed (null when it is): no public member left, public access prevention enforced.</summary>
    public static string? CheckFixed(FakeGoogleServer fake, string fullName)
    {
        if (fake.GetResource(BucketType, fullName) is not { } bucket)
        {
            return "gone from the fake";
        }

        var prevention = bucket["iamConfiguration"]?["publicAccessPrevention"]?.GetValue<string>();
        if (prevention != "enforced")
        {
            return $"publicAccessPrevention is '{prevention}'";
        }

        var members = (fake.GetIamPolicy(BucketType, fullName)?["bindings"] as JsonArray ?? [])
            .SelectMany(b => b?["members"] as JsonArray ?? [])
            .Select(m => m?.GetValue<string>() ?? "")
            .Where(m => PublicMembers.Contains(m, StringComparer.Ordinal))
            .ToList();
        return members.Count == 0 ? null : "IAM still grants " + string.Join(", ", members);
    }
}
