# BigQuery datasets must not be shared with allUsers.
#
# Reports dataset access entries that grant a role to allUsers.
package enforcer.policies.bigquery_datasets_disallow_unauthenticated_public_access

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "bigquery_datasets_disallow_unauthenticated_public_access",
	"title": "BigQuery datasets must not be shared with allUsers",
	"description": "Reports dataset access entries that grant a role to allUsers.",
	"applies_to": [
		"bigquery.googleapis.com/Dataset"
	],
	"severity": "CRITICAL",
	"error_code": "BQ-002",
	"remediable": true,
	"destructive": false,
	"fix": "Patches the dataset's access list without the allUsers entries (every other entry is kept), sending the dataset etag.",
	"references": [
		"CIS GCP 7.1"
	]
}

public(entry) if entry.iamMember == "allUsers"

public(entry) if entry.specialGroup == "allUsers"

violations contains msg if {
	some entry in object.get(input.resource, "access", [])
	public(entry)
	msg := sprintf("access entry grants %s to allUsers", [entry.role])
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"dataset": resource.input_segment("datasets"),
	"body": {
		"access": [entry | some entry in input.resource.access; not public(entry)],
		"etag": input.resource.etag,
	},
})]) if count(violations) > 0
