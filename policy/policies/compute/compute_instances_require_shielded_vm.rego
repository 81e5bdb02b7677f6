# VM instances must run as Shielded VMs.
#
# Reports instances without vTPM or integrity monitoring enabled. Changing either needs the instance stopped, so the fix is left to its owner.
package enforcer.policies.compute_instances_require_shielded_vm

metadata := {
	"id": "compute_instances_require_shielded_vm",
	"title": "VM instances must run as Shielded VMs",
	"description": "Reports instances without vTPM or integrity monitoring enabled. Changing either needs the instance stopped, so the fix is left to its owner.",
	"applies_to": [
		"compute.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "GCE-011",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 4.8"
	]
}

violations contains msg if {
	some setting in ["enableVtpm", "enableIntegrityMonitoring"]
	not input.resource.shieldedInstanceConfig[setting] == true
	msg := sprintf("shielded VM setting %s is off", [setting])
}
