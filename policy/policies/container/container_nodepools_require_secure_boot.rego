# GKE node pools must enable Secure Boot.
#
# Reports node pools whose Shielded GKE Nodes run without Secure Boot.
package enforcer.policies.container_nodepools_require_secure_boot

metadata := {
	"id": "container_nodepools_require_secure_boot",
	"title": "GKE node pools must enable Secure Boot",
	"description": "Reports node pools whose Shielded GKE Nodes run without Secure Boot.",
	"applies_to": [
		"container.googleapis.com/NodePool"
	],
	"severity": "LOW",
	"error_code": "GKE-014",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GKE 6.5.7"
	]
}

violations contains "Secure Boot is off for the pool's nodes" if not input.resource.config.shieldedInstanceConfig.enableSecureBoot == true
