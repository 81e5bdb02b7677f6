# VM instances must block project-wide SSH keys.
#
# Reports instances (GKE nodes excepted) that accept project-wide SSH keys (block-project-ssh-keys not true) while OS Login is not enabled on the instance.
package enforcer.policies.compute_instances_block_project_ssh_keys

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_instances_block_project_ssh_keys",
	"title": "VM instances must block project-wide SSH keys",
	"description": "Reports instances (GKE nodes excepted) that accept project-wide SSH keys (block-project-ssh-keys not true) while OS Login is not enabled on the instance.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "LOW",
	"error_code": "GCE-010",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setMetadata with block-project-ssh-keys set to true, every other metadata item kept and the metadata fingerprint sent.",
	"references": [
		"CIS GCP 4.3"
	]
}

# GKE manages its nodes' instances; node settings belong to the node pool.
gke_node if input.resource.labels["goog-gke-node"]

gke_node if startswith(input.resource.name, "gke-")
metadata_value(key) := item.value if {
	some item in object.get(input.resource, ["metadata", "items"], [])
	item.key == key
}

# setMetadata replaces the whole item list: keep every other item and send the
# fingerprint so a concurrent metadata change makes the call fail.
set_item(key, value) := plan.step("setMetadata", {
	"project": resource.project,
	"zone": resource.location,
	"instance": resource.input_segment("instances"),
	"body": {
		"fingerprint": input.resource.metadata.fingerprint,
		"items": array.concat(
			[item | some item in object.get(input.resource, ["metadata", "items"], []); item.key != key],
			[{"key": key, "value": value}],
		),
	},
})

os_login if lower(metadata_value("enable-oslogin")) in {"true", "1"}

blocked if lower(metadata_value("block-project-ssh-keys")) in {"true", "1"}

violations contains "project-wide SSH keys are accepted" if {
	not gke_node
	not os_login
	not blocked
}

remediation := plan.plan([set_item("block-project-ssh-keys", "true")]) if count(violations) > 0
