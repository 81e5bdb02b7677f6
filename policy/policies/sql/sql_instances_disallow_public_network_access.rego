# Cloud SQL instances must not accept connections from any address.
#
# Reports instances whose authorized networks include 0.0.0.0/0 or ::/0.
package enforcer.policies.sql_instances_disallow_public_network_access

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_disallow_public_network_access",
	"title": "Cloud SQL instances must not accept connections from any address",
	"description": "Reports instances whose authorized networks include 0.0.0.0/0 or ::/0.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "CRITICAL",
	"error_code": "SQL-001",
	"remediable": true,
	"destructive": false,
	"fix": "Patches the authorized network list without the open entries (other networks kept), sending settingsVersion.",
	"references": [
		"CIS GCP 6.5"
	]
}

open_range(network) if network.value in {"0.0.0.0/0", "::/0"}

networks := object.get(input.resource, ["settings", "ipConfiguration", "authorizedNetworks"], [])

violations contains msg if {
	some network in networks
	open_range(network)
	msg := sprintf("authorized network %s allows every address", [network.value])
}

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"ipConfiguration": {
	"authorizedNetworks": [n | some n in networks; not open_range(n)],
}})]} if count(violations) > 0
