# Cloud KMS keys must not be accessible to allUsers.
#
# Granting allUsers a role on a key makes it reachable by anyone on the internet (allUsers).
package enforcer.policies.kms_crypto_keys_disallow_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "kms_crypto_keys_disallow_public_access",
	"title": "Cloud KMS keys must not be accessible to allUsers",
	"description": "Reports IAM bindings on a key that grant a role to anyone on the internet (allUsers).",
	"applies_to": [
		"cloudkms.googleapis.com/CryptoKey"
	],
	"severity": "CRITICAL",
	"error_code": "KMS-002",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": [
		"CIS GCP 1.9"
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
	"keyRing": resource.input_segment("keyRings"),
	"cryptoKey": resource.input_segment("cryptoKeys"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
