# Cloud Storage buckets must not be accessible to allAuthenticatedUsers.
#
# Granting allAuthenticatedUsers a role on a bucket makes it reachable by any signed-in Google account (allAuthenticatedUsers).
package enforcer.policies.storage_buckets_disallow_authenticated_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "storage_buckets_disallow_authenticated_public_access",
	"title": "Cloud Storage buckets must not be accessible to allAuthenticatedUsers",
	"description": "Reports IAM bindings on a bucket that grant a role to any signed-in Google account (allAuthenticatedUsers).",
	"applies_to": [
		"storage.googleapis.com/Bucket"
	],
	"severity": "CRITICAL",
	"error_code": "GCS-001",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allAuthenticatedUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": [
		"CIS GCP 5.1"
	]
}

disallowed := {"allAuthenticatedUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"bucket": resource.input_short_name,
	"body": iam.without_members(input.iam, disallowed),
})]) if count(violations) > 0
