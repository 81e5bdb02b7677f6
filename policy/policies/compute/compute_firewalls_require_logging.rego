# Firewall rules must log connections.
#
# Reports enabled firewall rules without firewall rules logging.
package enforcer.policies.compute_firewalls_require_logging

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_firewalls_require_logging",
	"title": "Firewall rules must log connections",
	"description": "Reports enabled firewall rules without firewall rules logging.",
	"applies_to": [
		"compute.googleapis.com/Firewall"
	],
	"severity": "LOW",
	"error_code": "GCE-003",
	"remediable": true,
	"destructive": false,
	"fix": "Patches logConfig.enable to true.",
	"references": []
}

violations contains "firewall rule logging is disabled" if {
	not input.resource.disabled == true
	not input.resource.logConfig.enable == true
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"firewall": resource.input_segment("firewalls"),
	"body": {"logConfig": {"enable": true}},
})]) if count(violations) > 0
