# VM instances must not use the default service account with full Cloud API access.
#
# Reports instances (GKE nodes excepted) whose default Compute Engine service account carries the cloud-platform scope, i.e. every permission of the account.
package enforcer.policies.compute_instances_disallow_default_service_account_full_access

import data.enforcer.lib.resource

metadata := {
	"id": "compute_instances_disallow_default_service_account_full_access",
	"title": "VM instances must not use the default service account with full Cloud API access",
	"description": "Reports instances (GKE nodes excepted) whose default Compute Engine service account carries the cloud-platform scope, i.e. every permission of the account.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "HIGH",
	"error_code": "GCE-006",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 4.2"
	]
}

# GKE manages its nodes' instances; node settings belong to the node pool.
gke_node if input.resource.labels["goog-gke-node"]

gke_node if startswith(input.resource.name, "gke-")

violations contains msg if {
	not gke_node
	some account in object.get(input.resource, "serviceAccounts", [])
	resource.is_default_compute_sa(account.email)
	"https://www.googleapis.com/auth/cloud-platform" in object.get(account, "scopes", [])
	msg := sprintf("the default service account %s has full access to all Cloud APIs", [account.email])
}
