using System.Text.Json;
using Enforcer.Core.Resources;

namespace Enforcer.Core.AuditLogs;

// The multi-resource cases: one entry that touches more than the resource it names.
internal sealed partial class AuditLogMapper
{
    private const string InstanceType = "compute.googleapis.com/Instance";
    private const string DiskType = "compute.googleapis.com/Disk";
    private const string ClusterType = "container.googleapis.com/Cluster";
    private const string NodePoolType = "container.googleapis.com/NodePool";
    private const string ServiceType = "serviceusage.googleapis.com/Service";

    private ResourceCatalog Catalog => _catalog;

    // App Engine flexible (aef-) and VPC-access (aet-) VMs are hidden from the Compute API: always 404.
    // The seed meant to skip them but crashed (NameError); here they are a reasoned ignore.
    private static bool IsHiddenAppEngineVm(Candidate c) =>
        c.Type.AssetType == InstanceType && c.Identifiers.TryGetValue("instance", out var name)
        && (name.StartsWith("aef-", StringComparison.Ordinal) || name.StartsWith("aet-", StringComparison.Ordinal));

    private void AddExtras(Candidate chosen, JsonElement entry, OperationKind operation, List<ResourceRef> resources)
    {
        switch (chosen.Type.AssetType)
        {
            case InstanceType when operation == OperationKind.Create:
                AddCreatedDisks(chosen, entry, resources);
                break;
            case ClusterType when operation == OperationKind.Create && chosen.Match == PathMatch.Full:
                AddClusterNodePools(chosen, entry, resources);
                break;
            case NodePoolType:
                // Cluster-level policies look at node pools (e.g. COS images), so a node-pool change re-checks its cluster.
                AddParentCluster(chosen, resources);
                break;
            case ServiceType:
                ExpandServices(chosen, entry, operation, resources);
                break;
        }
    }

    // Disks created with an instance: every disk with initializeParams (not just the boot disk; RTE PR #72).
    // Name: diskName, else the instance name for the boot disk, else the device name.
    private void AddCreatedDisks(Candidate instance, JsonElement entry, List<ResourceRef> resources)
    {
        if (Catalog.Find(DiskType) is not { } diskType
            || !JsonFieldPath.TryGet(entry, "protoPayload.request.disks", out var disks) || disks.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var disk in disks.EnumerateArray())
        {
            if (disk.ValueKind != JsonValueKind.Object || !JsonFieldPath.TryGet(disk, "initializeParams", out var init) || init.ValueKind != JsonValueKind.Object)
            {
                continue; // An existing disk being attached, not created.
            }

            var boot = disk.TryGetProperty("boot", out var b) && b.ValueKind == JsonValueKind.True;
            var name = JsonFieldPath.GetString(init, "diskName")
                ?? (boot ? instance.Identifiers["instance"] : JsonFieldPath.GetString(disk, "deviceName"));
            if (name is null)
            {
                continue;
            }

            var ids = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["project"] = instance.Identifiers["project"],
                ["zone"] = instance.Identifiers["zone"],
                ["disk"] = name,
            };
            AddUnique(resources, MakeRef(diskType, ids, OperationKind.Create));
        }
    }

    // Node pools created with a cluster (request.cluster.nodePools[].name); a cluster created with only
    // initialNodeCount gets GKE's "default-pool".
    private void AddClusterNodePools(Candidate cluster, JsonElement entry, List<ResourceRef> resources)
    {
        if (Catalog.Find(NodePoolType) is not { } poolType)
        {
            return;
        }

        var names = new List<string>();
        if (JsonFieldPath.TryGet(entry, "protoPayload.request.cluster.nodePools", out var pools) && pools.ValueKind == JsonValueKind.Array)
        {
            foreach (var pool in pools.EnumerateArray())
            {
                if (pool.ValueKind == JsonValueKind.Object && JsonFieldPath.GetString(pool, "name") is { } name)
                {
                    names.Add(name);
                }
            }
        }
        else if (JsonFieldPath.TryGet(entry, "protoPayload.request.cluster.initialNodeCount", out var count) && count.ValueKind == JsonValueKind.Number)
        {
            names.Add("default-pool");
        }

        foreach (var name in names)
        {
            var ids = new Dictionary<string, string>(cluster.Identifiers, StringComparer.Ordinal) { ["nodePool"] = name };
            AddUnique(resources, MakeRef(poolType, ids, OperationKind.Create));
        }
    }

    private void AddParentCluster(Candidate pool, List<ResourceRef> resources)
    {
        if (Catalog.Find(ClusterType) is not { } clusterType)
        {
            return;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["project"] = pool.Identifiers["project"],
            ["location"] = pool.Identifiers["location"],
            ["cluster"] = pool.Identifiers["cluster"],
        };
        AddUnique(resources, MakeRef(clusterType, ids, OperationKind.Update));
    }

    // Batch enables name several services in the request (serviceIds, serviceNames). The seed's separate
    // DeactivateServices branch was unreachable; here every form goes through one path.
    private static void ExpandServices(Candidate chosen, JsonElement entry, OperationKind operation, List<ResourceRef> resources)
    {
        var listed = new List<string>();
        foreach (var path in (string[])["protoPayload.request.serviceIds", "protoPayload.request.serviceNames"])
        {
            if (JsonFieldPath.TryGet(entry, path, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } s)
                    {
                        listed.Add(s[(s.LastIndexOf('/') + 1)..]);
                    }
                }
            }
        }

        if (listed.Count == 0)
        {
            return;
        }

        resources.Clear();
        foreach (var service in listed)
        {
            var ids = new Dictionary<string, string>(chosen.Identifiers, StringComparer.Ordinal) { ["service"] = service };
            AddUnique(resources, MakeRef(chosen.Type, ids, operation == OperationKind.Delete ? OperationKind.Update : operation));
        }
    }

    private static void AddUnique(List<ResourceRef> resources, ResourceRef candidate)
    {
        if (!resources.Exists(r => r.AssetType == candidate.AssetType && r.FullName == candidate.FullName))
        {
            resources.Add(candidate);
        }
    }
}
