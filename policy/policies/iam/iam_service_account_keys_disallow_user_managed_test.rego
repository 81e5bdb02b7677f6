package enforcer.tests.iam_service_account_keys_disallow_user_managed

import data.enforcer
import data.enforcer.policies.iam_service_account_keys_disallow_user_managed as policy

compliant_input := {
	"type": "iam.googleapis.com/ServiceAccountKey",
	"name": "//iam.googleapis.com/projects/my-project/serviceAccounts/app@my-project.iam.gserviceaccount.com/keys/0123abcd",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/serviceAccounts/app@my-project.iam.gserviceaccount.com/keys/0123abcd",
		"keyType": "SYSTEM_MANAGED",
		"validAfterTime": "2026-01-01T00:00:00Z",
		"validBeforeTime": "9999-12-31T23:59:59Z"
	}
}

noncompliant_input := {
	"type": "iam.googleapis.com/ServiceAccountKey",
	"name": "//iam.googleapis.com/projects/my-project/serviceAccounts/app@my-project.iam.gserviceaccount.com/keys/0123abcd",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/serviceAccounts/app@my-project.iam.gserviceaccount.com/keys/0123abcd",
		"keyType": "USER_MANAGED",
		"validAfterTime": "2026-01-01T00:00:00Z",
		"validBeforeTime": "9999-12-31T23:59:59Z"
	}
}

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 1 with input as noncompliant_input
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "iam_service_account_keys_disallow_user_managed"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "IAM-002"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "iam_service_account_keys_disallow_user_managed"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_name_has_no_plan if {
	found := enforcer.decisions with input as noncompliant_input
		with data.config.exclusions as {"resource_names": [noncompliant_input.name]}
	some d in found
	d.policy_id == "iam_service_account_keys_disallow_user_managed"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "iam_service_account_keys_disallow_user_managed"
	d.remediable == false
}
