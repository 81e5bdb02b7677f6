# VM instances must not run as the Compute Engine default service account.
#
# Reports instances (GKE nodes excepted) that use the Compute Engine default service account, which holds the Editor role in many projects.
package enforcer.policies.compute_instances_disallow_default_service_account

import data.enforcer.lib.resource

metadata := {
	"id": "compute_instances_disallow_default_service_account",
	"title": "VM instances must not run as the Compute Engine default service account",
	"description": "Reports instances (GKE nodes excepted) that use the Compute Engine default service account, which holds the Editor role in many projects.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "GCE-007",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 4.1"
	]
}

# GKE manages its nodes' instances; node settings belong to the node pool.
gke_node if input.resource.labels["goog-gke-node"]

gke_node if startswith(input.resource.name, "gke-")

violations contains msg if {
	not gke_node
	some account in object.get(input.resource, "serviceAccounts", [])
	resource.is_default_compute_sa(account.email)
	msg := sprintf("the instance runs as the default service account %s", [account.email])
}
