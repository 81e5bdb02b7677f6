# GKE clusters must enable Workload Identity.
#
# Reports clusters without a workload identity pool, whose pods therefore use the node's service account.
package enforcer.policies.container_clusters_require_workload_identity

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_require_workload_identity",
	"title": "GKE clusters must enable Workload Identity",
	"description": "Reports clusters without a workload identity pool, whose pods therefore use the node's service account.",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-009",
	"remediable": true,
	"destructive": false,
	"fix": "Calls clusters.update with desiredWorkloadIdentityConfig set to the project's pool (<project>.svc.id.goog); node pools still need the GKE metadata server enabled.",
	"references": [
		"CIS GKE 6.2.2"
	]
}

cluster_ids := {
	"project": resource.project,
	"location": resource.location,
	"cluster": resource.input_segment("clusters"),
}

violations contains "Workload Identity is not enabled" if not input.resource.workloadIdentityConfig.workloadPool

remediation := plan.plan([plan.step("update", object.union(cluster_ids, {"body": {"update": {
	"desiredWorkloadIdentityConfig": {"workloadPool": sprintf("%s.svc.id.goog", [resource.project])},
}}}))]) if count(violations) > 0
