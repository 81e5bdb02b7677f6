# Cloud KMS symmetric keys must rotate at least every 90 days.
#
# Reports ENCRYPT_DECRYPT keys with no rotation period or one longer than data.config.kms.max_rotation_period_days (default 90).
package enforcer.policies.kms_crypto_keys_require_rotation

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "kms_crypto_keys_require_rotation",
	"title": "Cloud KMS symmetric keys must rotate at least every 90 days",
	"description": "Reports ENCRYPT_DECRYPT keys with no rotation period or one longer than data.config.kms.max_rotation_period_days (default 90).",
	"applies_to": [
		"cloudkms.googleapis.com/CryptoKey"
	],
	"severity": "MEDIUM",
	"error_code": "KMS-001",
	"remediable": true,
	"destructive": false,
	"fix": "Patches rotationPeriod to the configured maximum and nextRotationTime to that period from now (updateMask rotationPeriod,nextRotationTime).",
	"references": [
		"CIS GCP 1.10"
	]
}

max_days := object.get(data.config, ["kms", "max_rotation_period_days"], 90)

max_seconds := (max_days * 24) * 3600

period_seconds := to_number(trim_suffix(input.resource.rotationPeriod, "s"))

violations contains "the key has no automatic rotation" if {
	input.resource.purpose == "ENCRYPT_DECRYPT"
	not input.resource.rotationPeriod
}

violations contains msg if {
	input.resource.purpose == "ENCRYPT_DECRYPT"
	period_seconds > max_seconds
	msg := sprintf("the key rotates every %d days (maximum %d)", [round(period_seconds / 86400), max_days])
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"location": resource.location,
	"keyRing": resource.input_segment("keyRings"),
	"cryptoKey": resource.input_segment("cryptoKeys"),
	"updateMask": "rotationPeriod,nextRotationTime",
	"body": {
		"rotationPeriod": sprintf("%ds", [max_seconds]),
		"nextRotationTime": time.format(time.now_ns() + (max_seconds * 1000000000)),
	},
})]) if count(violations) > 0
