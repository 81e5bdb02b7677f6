# Cloud Run services must not be accessible to allUsers.
#
# Granting allUsers a role on a Cloud Run service makes it reachable by anyone on the internet (allUsers).
package enforcer.policies.run_services_disallow_unauthenticated_invocations

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "run_services_disallow_unauthenticated_invocations",
	"title": "Cloud Run services must not be accessible to allUsers",
	"description": "Reports IAM bindings on a Cloud Run service that grant a role to anyone on the internet (allUsers).",
	"applies_to": [
		"run.googleapis.com/Service"
	],
	"severity": "HIGH",
	"error_code": "RUN-001",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": [
		"CIS GCP (Cloud Run) unauthenticated invocations"
	]
}

disallowed := {"allUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"project": resource.project,
	"location": resource.location,
	"service": resource.input_segment("services"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
