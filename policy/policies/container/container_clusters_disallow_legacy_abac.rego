# GKE clusters must not use legacy ABAC.
#
# Reports clusters with legacy attribute-based access control enabled, which grants broad static permissions beside RBAC.
package enforcer.policies.container_clusters_disallow_legacy_abac

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_disallow_legacy_abac",
	"title": "GKE clusters must not use legacy ABAC",
	"description": "Reports clusters with legacy attribute-based access control enabled, which grants broad static permissions beside RBAC.",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "HIGH",
	"error_code": "GKE-002",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setLegacyAbac with enabled: false.",
	"references": [
		"CIS GKE 6.8.3"
	]
}

cluster_ids := {
	"project": resource.project,
	"location": resource.location,
	"cluster": resource.input_segment("clusters"),
}

violations contains "legacy ABAC authorization is enabled" if input.resource.legacyAbac.enabled == true

remediation := plan.plan([plan.step("setLegacyAbac", object.union(cluster_ids, {"body": {"enabled": false}}))]) if count(violations) > 0
