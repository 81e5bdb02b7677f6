# GKE clusters must use Shielded GKE Nodes.
#
# Reports clusters without Shielded GKE Nodes, whose node identity can be impersonated.
package enforcer.policies.container_clusters_require_shielded_nodes

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_require_shielded_nodes",
	"title": "GKE clusters must use Shielded GKE Nodes",
	"description": "Reports clusters without Shielded GKE Nodes, whose node identity can be impersonated.",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-010",
	"remediable": true,
	"destructive": false,
	"fix": "Calls clusters.update with desiredShieldedNodes.enabled true (GKE recreates the nodes).",
	"references": [
		"CIS GKE 6.5.5"
	]
}

cluster_ids := {
	"project": resource.project,
	"location": resource.location,
	"cluster": resource.input_segment("clusters"),
}

violations contains "Shielded GKE Nodes are off" if not input.resource.shieldedNodes.enabled == true

remediation := plan.plan([plan.step("update", object.union(cluster_ids, {"body": {"update": {
	"desiredShieldedNodes": {"enabled": true},
}}}))]) if count(violations) > 0
