# Subnetworks must record VPC flow logs.
#
# Reports ordinary (purpose PRIVATE) subnetworks without VPC flow logs; proxy-only and other special-purpose subnetworks cannot carry flow logs and are skipped.
package enforcer.policies.compute_subnetworks_require_flow_logging

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_subnetworks_require_flow_logging",
	"title": "Subnetworks must record VPC flow logs",
	"description": "Reports ordinary (purpose PRIVATE) subnetworks without VPC flow logs; proxy-only and other special-purpose subnetworks cannot carry flow logs and are skipped.",
	"applies_to": [
		"compute.googleapis.com/Subnetwork"
	],
	"severity": "LOW",
	"error_code": "GCE-005",
	"remediable": true,
	"destructive": false,
	"fix": "Patches logConfig.enable to true, sending the subnetwork fingerprint.",
	"references": [
		"CIS GCP 3.8"
	]
}

flow_logs if input.resource.logConfig.enable == true

flow_logs if input.resource.enableFlowLogs == true

violations contains "VPC flow logs are disabled" if {
	object.get(input.resource, "purpose", "PRIVATE") == "PRIVATE"
	not flow_logs
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"region": resource.location,
	"subnetwork": resource.input_segment("subnetworks"),
	"body": {"logConfig": {"enable": true}, "fingerprint": input.resource.fingerprint},
})]) if count(violations) > 0
