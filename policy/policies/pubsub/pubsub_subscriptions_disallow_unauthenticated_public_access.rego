# Pub/Sub subscriptions must not be accessible to allUsers.
#
# Granting allUsers a role on a subscription makes it reachable by anyone on the internet (allUsers).
package enforcer.policies.pubsub_subscriptions_disallow_unauthenticated_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "pubsub_subscriptions_disallow_unauthenticated_public_access",
	"title": "Pub/Sub subscriptions must not be accessible to allUsers",
	"description": "Reports IAM bindings on a subscription that grant a role to anyone on the internet (allUsers).",
	"applies_to": [
		"pubsub.googleapis.com/Subscription"
	],
	"severity": "HIGH",
	"error_code": "PS-002",
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
	"subscription": resource.input_segment("subscriptions"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
