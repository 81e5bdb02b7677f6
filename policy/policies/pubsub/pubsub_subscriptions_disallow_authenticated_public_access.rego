# Pub/Sub subscriptions must not be accessible to allAuthenticatedUsers.
#
# Granting allAuthenticatedUsers a role on a subscription makes it reachable by any signed-in Google account (allAuthenticatedUsers).
package enforcer.policies.pubsub_subscriptions_disallow_authenticated_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "pubsub_subscriptions_disallow_authenticated_public_access",
	"title": "Pub/Sub subscriptions must not be accessible to allAuthenticatedUsers",
	"description": "Reports IAM bindings on a subscription that grant a role to any signed-in Google account (allAuthenticatedUsers).",
	"applies_to": [
		"pubsub.googleapis.com/Subscription"
	],
	"severity": "HIGH",
	"error_code": "PS-001",
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
	"subscription": resource.input_segment("subscriptions"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
