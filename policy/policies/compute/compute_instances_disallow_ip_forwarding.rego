# VM instances must not forward IP packets.
#
# Reports instances (GKE nodes excepted) created with canIpForward, which lets them route traffic not addressed to them. It can only be changed by recreating the instance.
package enforcer.policies.compute_instances_disallow_ip_forwarding

metadata := {
	"id": "compute_instances_disallow_ip_forwarding",
	"title": "VM instances must not forward IP packets",
	"description": "Reports instances (GKE nodes excepted) created with canIpForward, which lets them route traffic not addressed to them. It can only be changed by recreating the instance.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "GCE-013",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 4.6"
	]
}

# GKE manages its nodes' instances; node settings belong to the node pool.
gke_node if input.resource.labels["goog-gke-node"]

gke_node if startswith(input.resource.name, "gke-")

violations contains "IP forwarding is enabled" if {
	not gke_node
	input.resource.canIpForward == true
}
