using BenchmarkDotNet.Attributes;
using Enforcer.Rego.Compilation;
using Enforcer.Rego.Values;

namespace Enforcer.Benchmarks;

/// <summary>
/// Embedded Rego engine: compile time for ten GCS bucket policies, and evaluating one realistic bucket
/// against all ten (the per-resource cost of an enforcement decision).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RegoBenchmarks
{
    private static readonly (string Name, string Source)[] Policies =
    [
        ("uniform_access.rego", """
            package gcs.uniform_access
            deny contains msg if {
                not input.iamConfiguration.uniformBucketLevelAccess.enabled
                msg := sprintf("bucket %s: uniform bucket-level access is disabled", [input.name])
            }
            """),
        ("public_access_prevention.rego", """
            package gcs.public_access_prevention
            deny contains msg if {
                input.iamConfiguration.publicAccessPrevention != "enforced"
                msg := sprintf("bucket %s: public access prevention is %s", [input.name, input.iamConfiguration.publicAccessPrevention])
            }
            """),
        ("versioning.rego", """
            package gcs.versioning
            default enabled := false
            enabled if input.versioning.enabled == true
            deny contains "versioning must be enabled" if not enabled
            """),
        ("logging.rego", """
            package gcs.logging
            deny contains msg if {
                not input.logging.logBucket
                msg := "access logging must be configured"
            }
            deny contains msg if {
                input.logging.logBucket == input.name
                msg := "bucket must not log to itself"
            }
            """),
        ("labels.rego", """
            package gcs.labels
            required := {"owner", "env", "cost-center"}
            missing := required - {k | some k, _ in object.get(input, "labels", {})}
            deny contains msg if {
                count(missing) > 0
                msg := sprintf("missing labels: %v", [missing])
            }
            deny contains msg if {
                some k, v in input.labels
                k == "env"
                not v in {"prod", "staging", "dev"}
                msg := sprintf("invalid env label %q", [v])
            }
            """),
        ("public_members.rego", """
            package gcs.public_members
            public := {"allUsers", "allAuthenticatedUsers"}
            deny contains msg if {
                some binding in input.iamPolicy.bindings
                some member in binding.members
                member in public
                msg := sprintf("role %s granted to %s", [binding.role, member])
            }
            """),
        ("retention.rego", """
            package gcs.retention
            min_seconds := 86400 * 30
            deny contains msg if {
                input.labels.env == "prod"
                to_number(object.get(input, ["retentionPolicy", "retentionPeriod"], "0")) < min_seconds
                msg := "prod buckets need at least 30 days retention"
            }
            """),
        ("encryption.rego", """
            package gcs.encryption
            deny contains "prod buckets must use a customer-managed key" if {
                input.labels.env == "prod"
                not startswith(object.get(input, ["encryption", "defaultKmsKeyName"], ""), "projects/")
            }
            """),
        ("location.rego", """
            package gcs.location
            allowed := ["EU", "EUROPE-WEST1", "EUROPE-WEST4"]
            deny contains msg if {
                not input.location in allowed
                msg := sprintf("location %s is not allowed", [input.location])
            }
            """),
        ("lifecycle.rego", """
            package gcs.lifecycle
            has_delete_rule if {
                some rule in input.lifecycle.rule
                rule.action.type == "Delete"
                rule.condition.age > 0
            }
            deny contains "a lifecycle delete rule is required" if not has_delete_rule
            deny contains msg if {
                every rule in input.lifecycle.rule { rule.action.type != "SetStorageClass" }
                input.storageClass == "STANDARD"
                input.labels.env == "dev"
                msg := "dev buckets should transition storage class"
            }
            """),
    ];

    private const string BucketJson = """
        {
          "kind": "storage#bucket",
          "id": "acme-prod-data",
          "name": "acme-prod-data",
          "projectNumber": "123456789012",
          "location": "EUROPE-WEST1",
          "locationType": "region",
          "storageClass": "STANDARD",
          "timeCreated": "2025-03-01T10:00:00.000Z",
          "updated": "2026-11-01T08:30:00.000Z",
          "metageneration": "7",
          "etag": "CAc=",
          "labels": {"owner": "data-team", "env": "prod"},
          "versioning": {"enabled": false},
          "logging": {"logBucket": "acme-logs", "logObjectPrefix": "acme-prod-data"},
          "retentionPolicy": {"retentionPeriod": "604800", "effectiveTime": "2025-03-01T10:00:00Z"},
          "encryption": {"defaultKmsKeyName": "projects/acme/locations/europe-west1/keyRings/r/cryptoKeys/k"},
          "iamConfiguration": {
            "uniformBucketLevelAccess": {"enabled": true, "lockedTime": "2025-06-01T10:00:00Z"},
            "bucketPolicyOnly": {"enabled": true},
            "publicAccessPrevention": "inherited"
          },
          "lifecycle": {"rule": [
            {"action": {"type": "Delete"}, "condition": {"age": 365}},
            {"action": {"type": "SetStorageClass", "storageClass": "NEARLINE"}, "condition": {"age": 30}}
          ]},
          "iamPolicy": {"bindings": [
            {"role": "roles/storage.objectViewer", "members": ["allUsers", "group:analysts@acme.example"]},
            {"role": "roles/storage.admin", "members": ["user:owner@acme.example"]},
            {"role": "roles/storage.legacyBucketReader", "members": ["projectViewer:acme"]}
          ]}
        }
        """;

    private static readonly string[] DenyPaths = Policies.Select(p => "data.gcs." + Path.GetFileNameWithoutExtension(p.Name) + ".deny").ToArray();

    private CompiledPolicySet _set = null!;
    private Value _bucket = null!;

    [GlobalSetup]
    public void Setup()
    {
        _set = RegoCompiler.Compile(Policies).PolicySet ?? throw new InvalidOperationException("benchmark policies must compile");
        _bucket = RegoJson.Parse(BucketJson);

        // Fail fast if the policies stop finding the violations the bucket has.
        var total = EvaluateTenPolicies();
        if (total != 5)
        {
            throw new InvalidOperationException($"expected 5 violations, got {total}");
        }
    }

    [Benchmark]
    public CompileResult CompileTenPolicies() => RegoCompiler.Compile(Policies);

    [Benchmark]
    public int EvaluateTenPolicies()
    {
        var violations = 0;
        foreach (var path in DenyPaths)
        {
            if (_set.EvaluatePath(path, _bucket).Value is SetValue deny)
            {
                violations += deny.Count;
            }
        }

        return violations;
    }

    [Benchmark]
    public Value? EvaluateOnePolicy() => _set.EvaluatePath(DenyPaths[5], _bucket).Value;

    /// <summary>
    /// Reference measured in the same run: parsing the bucket's JSON (1.6 KB) into a value. The machine is shared,
    /// so ratios to this are steadier than absolute times.
    /// </summary>
    [Benchmark]
    public Value ParseBucketJson() => RegoJson.Parse(BucketJson);
}
