# BigQuery datasets must not be shared with allAuthenticatedUsers.
#
# Reports dataset access entries that grant a role to allAuthenticatedUsers.
package enforcer.policies.bigquery_datasets_disallow_authenticated_public_access

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "bigquery_datasets_disallow_authenticated_public_access",
	"title": "BigQuery datasets must not be shared with allAuthenticatedUsers",
	"description": "Reports dataset access entries that grant a role to allAuthenticatedUsers.",
	"applies_to": [
		"bigquery.googleapis.com/Dataset"
	],
	"severity": "HIGH",
	"error_code": "BQ-001",
	"remediable": true,
	"destructive": false,
	"fix": "Patches the dataset's access list without the allAuthenticatedUsers entries (every other entry is kept), sending the dataset etag.",
	"references": [
		"CIS GCP 7.1"
	]
}

public(entry) if entry.specialGroup == "allAuthenticatedUsers"

public(entry) if entry.iamMember == "allAuthenticatedUsers"

violations contains msg if {
	some entry in object.get(input.resource, "access", [])
	public(entry)
	msg := sprintf("access entry grants %s to allAuthenticatedUsers", [entry.role])
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"dataset": resource.input_segment("datasets"),
	"body": {
		"access": [entry | some entry in input.resource.access; not public(entry)],
		"etag": input.resource.etag,
	},
})]) if count(violations) > 0
