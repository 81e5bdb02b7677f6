# Artifact Registry repositories must not be accessible to allUsers.
#
# Granting allUsers a role on a repository makes it reachable by anyone on the internet (allUsers).
package enforcer.policies.artifactregistry_repositories_disallow_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "artifactregistry_repositories_disallow_public_access",
	"title": "Artifact Registry repositories must not be accessible to allUsers",
	"description": "Reports IAM bindings on a repository that grant a role to anyone on the internet (allUsers).",
	"applies_to": [
		"artifactregistry.googleapis.com/Repository"
	],
	"severity": "HIGH",
	"error_code": "AR-001",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": []
}

disallowed := {"allUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"project": resource.project,
	"location": resource.location,
	"repository": resource.input_segment("repositories"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
