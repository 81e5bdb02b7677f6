# Projects must not keep the default network.
#
# Reports networks named 'default': the auto-created network comes with permissive firewall rules.
package enforcer.policies.compute_networks_disallow_default_network

metadata := {
	"id": "compute_networks_disallow_default_network",
	"title": "Projects must not keep the default network",
	"description": "Reports networks named 'default': the auto-created network comes with permissive firewall rules.",
	"applies_to": [
		"compute.googleapis.com/Network"
	],
	"severity": "MEDIUM",
	"error_code": "GCE-014",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 3.1"
	]
}

violations contains "the project still has the auto-created default network" if input.resource.name == "default"
