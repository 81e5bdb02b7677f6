# Pub/Sub topics must not be accessible to allAuthenticatedUsers.
#
# Granting allAuthenticatedUsers a role on a topic makes it reachable by any signed-in Google account (allAuthenticatedUsers).
package enforcer.policies.pubsub_topics_disallow_authenticated_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "pubsub_topics_disallow_authenticated_public_access",
	"title": "Pub/Sub topics must not be accessible to allAuthenticatedUsers",
	"description": "Reports IAM bindings on a topic that grant a role to any signed-in Google account (allAuthenticatedUsers).",
	"applies_to": [
		"pubsub.googleapis.com/Topic"
	],
	"severity": "HIGH",
	"error_code": "PS-003",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allAuthenticatedUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": []
}

disallowed := {"allAuthenticatedUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"project": resource.project,
	"topic": resource.input_segment("topics"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
