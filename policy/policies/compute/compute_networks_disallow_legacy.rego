# Legacy (non-VPC) networks must not be used.
#
# Reports legacy networks, recognised by their single IPv4Range and lack of subnetworks.
package enforcer.policies.compute_networks_disallow_legacy

metadata := {
	"id": "compute_networks_disallow_legacy",
	"title": "Legacy (non-VPC) networks must not be used",
	"description": "Reports legacy networks, recognised by their single IPv4Range and lack of subnetworks.",
	"applies_to": [
		"compute.googleapis.com/Network"
	],
	"severity": "HIGH",
	"error_code": "GCE-015",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 3.2"
	]
}

violations contains "the network is a legacy network" if input.resource.IPv4Range
