# Service accounts should not have user-managed keys.
#
# Reports enabled user-managed (downloadable) service account keys; prefer workload identity, impersonation or Google-managed keys.
package enforcer.policies.iam_service_account_keys_disallow_user_managed

metadata := {
	"id": "iam_service_account_keys_disallow_user_managed",
	"title": "Service accounts should not have user-managed keys",
	"description": "Reports enabled user-managed (downloadable) service account keys; prefer workload identity, impersonation or Google-managed keys.",
	"applies_to": [
		"iam.googleapis.com/ServiceAccountKey"
	],
	"severity": "LOW",
	"error_code": "IAM-002",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 1.4"
	]
}

violations contains "the service account has a user-managed key" if {
	input.resource.keyType == "USER_MANAGED"
	not input.resource.disabled == true
}
