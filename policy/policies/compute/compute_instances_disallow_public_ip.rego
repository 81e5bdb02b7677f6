# VM instances must not have external IP addresses.
#
# Reports instances (GKE nodes excepted) with an access config, i.e. an external IPv4 address, on any network interface.
package enforcer.policies.compute_instances_disallow_public_ip

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_instances_disallow_public_ip",
	"title": "VM instances must not have external IP addresses",
	"description": "Reports instances (GKE nodes excepted) with an access config, i.e. an external IPv4 address, on any network interface.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "HIGH",
	"error_code": "GCE-012",
	"remediable": true,
	"destructive": true,
	"fix": "Calls deleteAccessConfig for each access config (destructive: an ephemeral address is lost for good, so it only runs when allow_destructive is on).",
	"references": [
		"CIS GCP 4.9"
	]
}

# GKE manages its nodes' instances; node settings belong to the node pool.
gke_node if input.resource.labels["goog-gke-node"]

gke_node if startswith(input.resource.name, "gke-")

access_configs contains [nic.name, config.name] if {
	some nic in object.get(input.resource, "networkInterfaces", [])
	some config in object.get(nic, "accessConfigs", [])
}

violations contains msg if {
	not gke_node
	some pair in access_configs
	msg := sprintf("network interface %s has external access config %s", pair)
}

remediation := plan.plan([plan.step("deleteAccessConfig", {
	"project": resource.project,
	"zone": resource.location,
	"instance": resource.input_segment("instances"),
	"networkInterface": pair[0],
	"accessConfig": pair[1],
}) | some pair in access_configs]) if {
	count(violations) > 0
	plan.destructive_allowed
}
