# Cloud KMS keys must not be accessible to allAuthenticatedUsers.
#
# Granting allAuthenticatedUsers a role on a key makes it reachable by any signed-in Google account (allAuthenticatedUsers).
package enforcer.policies.kms_crypto_keys_disallow_authenticated_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "kms_crypto_keys_disallow_authenticated_public_access",
	"title": "Cloud KMS keys must not be accessible to allAuthenticatedUsers",
	"description": "Reports IAM bindings on a key that grant a role to any signed-in Google account (allAuthenticatedUsers).",
	"applies_to": [
		"cloudkms.googleapis.com/CryptoKey"
	],
	"severity": "CRITICAL",
	"error_code": "KMS-003",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allAuthenticatedUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": [
		"CIS GCP 1.9"
	]
}

disallowed := {"allAuthenticatedUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"project": resource.project,
	"location": resource.location,
	"keyRing": resource.input_segment("keyRings"),
	"cryptoKey": resource.input_segment("cryptoKeys"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
