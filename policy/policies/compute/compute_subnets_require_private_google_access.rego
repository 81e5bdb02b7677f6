# Subnetworks must enable Private Google Access.
#
# Reports subnetworks where VMs without external addresses cannot reach Google APIs privately.
package enforcer.policies.compute_subnets_require_private_google_access

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_subnets_require_private_google_access",
	"title": "Subnetworks must enable Private Google Access",
	"description": "Reports subnetworks where VMs without external addresses cannot reach Google APIs privately.",
	"applies_to": [
		"compute.googleapis.com/Subnetwork"
	],
	"severity": "LOW",
	"error_code": "GCE-004",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setPrivateIpGoogleAccess with privateIpGoogleAccess: true.",
	"references": []
}

violations contains "Private Google Access is disabled" if {
	not input.resource.privateIpGoogleAccess == true
}

remediation := plan.plan([plan.step("setPrivateIpGoogleAccess", {
	"project": resource.project,
	"region": resource.location,
	"subnetwork": resource.input_segment("subnetworks"),
	"body": {"privateIpGoogleAccess": true},
})]) if count(violations) > 0
