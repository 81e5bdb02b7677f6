# VM instances must not opt out of OS Login.
#
# Reports instances (GKE nodes excepted) whose metadata sets enable-oslogin to false, overriding the project's OS Login setting.
package enforcer.policies.compute_instances_require_os_login

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_instances_require_os_login",
	"title": "VM instances must not opt out of OS Login",
	"description": "Reports instances (GKE nodes excepted) whose metadata sets enable-oslogin to false, overriding the project's OS Login setting.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "GCE-009",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setMetadata with enable-oslogin set to TRUE, every other metadata item kept and the metadata fingerprint sent.",
	"references": [
		"CIS GCP 4.4"
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

violations contains "OS Login is turned off in instance metadata" if {
	not gke_node
	lower(metadata_value("enable-oslogin")) in {"false", "0"}
}

remediation := plan.plan([set_item("enable-oslogin", "TRUE")]) if count(violations) > 0
