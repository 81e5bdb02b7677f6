using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Enforcer.Policies;
using Enforcer.Policies.Embedded;
using Enforcer.Rego.Values;

namespace Enforcer.Benchmarks;

/// <summary>
/// The policy library on the embedded engine: one call to <c>data.enforcer.decisions</c> for one resource, i.e.
/// evaluating it against every policy that applies to its type (5 for a bucket, 8 for a VM, 9 for a Cloud SQL
/// instance), including exclusion matching and plan construction, and reading the decisions back.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyBenchmarks
{
    private EmbeddedPolicyEngine _engine = null!;
    private PolicyInput _bucket = null!;
    private PolicyInput _instance = null!;
    private PolicyInput _sql = null!;
    private byte[] _sqlJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = EmbeddedPolicyEngine.Load(PolicyBundle.FromEmbeddedResources());
        _bucket = Input("""
            {"type": "storage.googleapis.com/Bucket", "name": "//storage.googleapis.com/shared-assets", "project": "web-prod",
             "resource": {"name": "shared-assets", "metageneration": "4", "labels": {"team": "web"}, "versioning": {"enabled": false},
                          "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": true}, "publicAccessPrevention": "inherited"}},
             "iam": {"version": 1, "etag": "CAE=", "bindings": [
                {"role": "roles/storage.objectViewer", "members": ["allUsers", "group:web@example.com"]},
                {"role": "roles/storage.admin", "members": ["group:web-admins@example.com"]}]}}
            """);
        _instance = Input("""
            {"type": "compute.googleapis.com/Instance", "name": "//compute.googleapis.com/projects/web-prod/zones/europe-west1-b/instances/bastion",
             "project": "web-prod",
             "resource": {"name": "bastion", "labels": {}, "canIpForward": false,
               "serviceAccounts": [{"email": "1234-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}],
               "metadata": {"fingerprint": "abc", "items": [{"key": "serial-port-enable", "value": "true"}, {"key": "enable-oslogin", "value": "TRUE"}]},
               "shieldedInstanceConfig": {"enableSecureBoot": false, "enableVtpm": true, "enableIntegrityMonitoring": true},
               "networkInterfaces": [{"name": "nic0", "accessConfigs": [{"name": "external-nat", "natIP": "203.0.113.7"}]}]}}
            """);
        _sql = Input("""
            {"type": "sqladmin.googleapis.com/Instance", "name": "//cloudsql.googleapis.com/projects/data-prod/instances/orders", "project": "data-prod",
             "resource": {"name": "orders", "project": "data-prod", "databaseVersion": "POSTGRES_15", "instanceType": "CLOUD_SQL_INSTANCE",
               "settings": {"settingsVersion": "31", "userLabels": {"team": "orders"},
                 "ipConfiguration": {"ipv4Enabled": true, "sslMode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "requireSsl": false,
                                     "authorizedNetworks": [{"name": "anywhere", "value": "0.0.0.0/0"}]},
                 "backupConfiguration": {"enabled": true}, "databaseFlags": [{"name": "log_connections", "value": "on"}]}}}
            """);
        _sqlJson = _sql.ToUtf8Json();
        foreach (var input in new[] { _bucket, _instance, _sql })
        {
            var result = _engine.Evaluate(input);
            if (!result.IsSuccess || result.Decisions.Count == 0)
            {
                throw new InvalidOperationException($"setup evaluation failed: {result.Error?.Message}");
            }
        }
    }

    [Benchmark]
    public PolicyEvaluation Bucket_5Policies() => _engine.Evaluate(_bucket);

    [Benchmark]
    public PolicyEvaluation ComputeInstance_8Policies() => _engine.Evaluate(_instance);

    [Benchmark]
    public PolicyEvaluation SqlInstance_9Policies() => _engine.Evaluate(_sql);

    /// <summary>
    /// Reference measured in the same run: the Cloud SQL input as JSON bytes parsed into a Rego value (what the
    /// engine did per call before evaluating, until inputs were converted directly). Ratios to it are steadier
    /// than absolute times on the shared machine.
    /// </summary>
    [Benchmark]
    public Value ParseSqlInputJson() => RegoJson.Parse(_sqlJson);

    private static PolicyInput Input(string json)
    {
        using var document = JsonDocument.Parse(json);
        return PolicyInput.FromJson(document.RootElement) ?? throw new InvalidOperationException("bad benchmark input");
    }
}
