# GKE node pools must not run as the Compute Engine default service account.
#
# Reports node pools whose nodes use the Compute Engine default service account (or 'default'). It can only be changed by creating a new node pool.
package enforcer.policies.container_nodepools_disallow_default_service_account

import data.enforcer.lib.resource

metadata := {
	"id": "container_nodepools_disallow_default_service_account",
	"title": "GKE node pools must not run as the Compute Engine default service account",
	"description": "Reports node pools whose nodes use the Compute Engine default service account (or 'default'). It can only be changed by creating a new node pool.",
	"applies_to": [
		"container.googleapis.com/NodePool"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-013",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GKE 6.2.1"
	]
}

account := object.get(input.resource, ["config", "serviceAccount"], "default")

violations contains "nodes run as the Compute Engine default service account" if account in {"default", ""}

violations contains "nodes run as the Compute Engine default service account" if resource.is_default_compute_sa(account)
