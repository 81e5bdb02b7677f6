# Cloud SQL instances must not have a public IP address.
#
# Reports instances with a public IPv4 address (use private IP instead). Switching needs a private network, so the fix is left to the owner.
package enforcer.policies.sql_instances_disallow_public_ip

metadata := {
	"id": "sql_instances_disallow_public_ip",
	"title": "Cloud SQL instances must not have a public IP address",
	"description": "Reports instances with a public IPv4 address (use private IP instead). Switching needs a private network, so the fix is left to the owner.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "HIGH",
	"error_code": "SQL-004",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 6.6"
	]
}

violations contains "the instance has a public IPv4 address" if input.resource.settings.ipConfiguration.ipv4Enabled == true
