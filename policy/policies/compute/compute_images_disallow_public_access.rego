# Compute Engine images must not be accessible to allAuthenticatedUsers.
#
# Granting allAuthenticatedUsers a role on a image makes it reachable by any signed-in Google account (allAuthenticatedUsers).
package enforcer.policies.compute_images_disallow_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_images_disallow_public_access",
	"title": "Compute Engine images must not be accessible to allAuthenticatedUsers",
	"description": "Reports IAM bindings on a image that grant a role to any signed-in Google account (allAuthenticatedUsers).",
	"applies_to": [
		"compute.googleapis.com/Image"
	],
	"severity": "HIGH",
	"error_code": "GCE-016",
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
	"image": resource.input_segment("images"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
