# BigQuery tables must not be accessible to allUsers.
#
# Granting allUsers a role on a table makes it reachable by anyone on the internet (allUsers).
package enforcer.policies.bigquery_tables_disallow_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "bigquery_tables_disallow_public_access",
	"title": "BigQuery tables must not be accessible to allUsers",
	"description": "Reports IAM bindings on a table that grant a role to anyone on the internet (allUsers).",
	"applies_to": [
		"bigquery.googleapis.com/Table"
	],
	"severity": "CRITICAL",
	"error_code": "BQ-004",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": [
		"CIS GCP 7.1"
	]
}

disallowed := {"allUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"project": resource.project,
	"dataset": resource.input_segment("datasets"),
	"table": resource.input_segment("tables"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
