# GKE node pools must auto-upgrade and auto-repair.
#
# Reports node pools with node auto-upgrade or auto-repair turned off.
package enforcer.policies.container_nodepools_require_autoupgrade_and_autorepair

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_nodepools_require_autoupgrade_and_autorepair",
	"title": "GKE node pools must auto-upgrade and auto-repair",
	"description": "Reports node pools with node auto-upgrade or auto-repair turned off.",
	"applies_to": [
		"container.googleapis.com/NodePool"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-005",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setManagement with autoUpgrade and autoRepair true.",
	"references": [
		"CIS GKE 6.5.2",
		"CIS GKE 6.5.3"
	]
}

pool_ids := {
	"project": resource.project,
	"location": resource.location,
	"cluster": resource.input_segment("clusters"),
	"nodePool": resource.input_segment("nodePools"),
}

violations contains msg if {
	some setting in ["autoUpgrade", "autoRepair"]
	not input.resource.management[setting] == true
	msg := sprintf("node pool management setting %s is off", [setting])
}

remediation := plan.plan([plan.step("setManagement", object.union(pool_ids, {"body": {
	"management": object.union(object.get(input.resource, "management", {}), {"autoUpgrade": true, "autoRepair": true}),
}}))]) if count(violations) > 0
