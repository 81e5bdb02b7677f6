# VM instances must not enable interactive serial port access.
#
# Reports instances whose metadata sets serial-port-enable to true.
package enforcer.policies.compute_instances_disallow_serial_port_access

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_instances_disallow_serial_port_access",
	"title": "VM instances must not enable interactive serial port access",
	"description": "Reports instances whose metadata sets serial-port-enable to true.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "GCE-008",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setMetadata with serial-port-enable set to false, every other metadata item kept and the metadata fingerprint sent.",
	"references": [
		"CIS GCP 4.5"
	]
}

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

violations contains "interactive serial port access is enabled" if lower(metadata_value("serial-port-enable")) in {"true", "1"}

remediation := plan.plan([set_item("serial-port-enable", "false")]) if count(violations) > 0
