# User-managed service account keys must be rotated.
#
# Reports enabled user-managed keys older than data.config.iam.max_key_age_days (default 90) days. The periodic sweep re-evaluates keys so age is noticed without a change event.
package enforcer.policies.iam_service_account_keys_require_rotation

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "iam_service_account_keys_require_rotation",
	"title": "User-managed service account keys must be rotated",
	"description": "Reports enabled user-managed keys older than data.config.iam.max_key_age_days (default 90) days. The periodic sweep re-evaluates keys so age is noticed without a change event.",
	"applies_to": [
		"iam.googleapis.com/ServiceAccountKey"
	],
	"severity": "MEDIUM",
	"error_code": "IAM-001",
	"remediable": true,
	"destructive": true,
	"fix": "Disables the key (destructive: workloads using it stop authenticating, so only with allow_destructive); it can be re-enabled.",
	"references": [
		"CIS GCP 1.7"
	]
}

max_age_days := object.get(data.config, ["iam", "max_key_age_days"], 90)

age_days := (time.now_ns() - time.parse_rfc3339_ns(input.resource.validAfterTime)) / ((24 * 3600) * 1000000000)

violations contains msg if {
	input.resource.keyType == "USER_MANAGED"
	not input.resource.disabled == true
	age_days > max_age_days
	msg := sprintf("the key is %d days old (maximum %d)", [floor(age_days), max_age_days])
}

remediation := plan.plan([plan.step("disable", {
	"project": resource.project,
	"serviceAccount": resource.input_segment("serviceAccounts"),
	"key": resource.input_segment("keys"),
})]) if {
	count(violations) > 0
	plan.destructive_allowed
}
