# Cloud Storage buckets must not be accessible to allUsers.
#
# Granting allUsers a role on a bucket makes it reachable by anyone on the internet (allUsers).
package enforcer.policies.storage_buckets_disallow_unauthenticated_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "storage_buckets_disallow_unauthenticated_public_access",
	"title": "Cloud Storage buckets must not be accessible to allUsers",
	"description": "Reports IAM bindings on a bucket that grant a role to anyone on the internet (allUsers).",
	"applies_to": [
		"storage.googleapis.com/Bucket"
	],
	"severity": "CRITICAL",
	"error_code": "GCS-002",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": [
		"CIS GCP 5.1"
	]
}

disallowed := {"allUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"bucket": resource.input_short_name,
	"body": iam.without_members(input.iam, disallowed),
})]) if count(violations) > 0
