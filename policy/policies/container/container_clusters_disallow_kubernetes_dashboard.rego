# GKE clusters must not run the Kubernetes dashboard.
#
# Reports clusters with the legacy Kubernetes Dashboard add-on enabled (an add-on entry not marked disabled).
package enforcer.policies.container_clusters_disallow_kubernetes_dashboard

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_disallow_kubernetes_dashboard",
	"title": "GKE clusters must not run the Kubernetes dashboard",
	"description": "Reports clusters with the legacy Kubernetes Dashboard add-on enabled (an add-on entry not marked disabled).",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-001",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setAddons with the cluster's current add-on configuration and kubernetesDashboard.disabled set to true.",
	"references": [
		"CIS GKE 6.10.1"
	]
}

cluster_ids := {
	"project": resource.project,
	"location": resource.location,
	"cluster": resource.input_segment("clusters"),
}

violations contains "the Kubernetes dashboard add-on is enabled" if {
	dashboard := input.resource.addonsConfig.kubernetesDashboard
	not dashboard.disabled == true
}

# setAddons takes the whole add-on configuration: send the current one with the dashboard off.
remediation := plan.plan([plan.step("setAddons", object.union(cluster_ids, {"body": {
	"addonsConfig": object.union(input.resource.addonsConfig, {"kubernetesDashboard": {"disabled": true}}),
}}))]) if count(violations) > 0
