package enforcer.tests.iam_service_account_keys_require_rotation

import data.enforcer
import data.enforcer.policies.iam_service_account_keys_require_rotation as policy

compliant_input := {
	"type": "iam.googleapis.com/ServiceAccountKey",
	"name": "//iam.googleapis.com/projects/my-project/serviceAccounts/app@my-project.iam.gserviceaccount.com/keys/0123abcd",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/serviceAccounts/app@my-project.iam.gserviceaccount.com/keys/0123abcd",
		"keyType": "USER_MANAGED",
		"validAfterTime": "2026-02-01T00:00:00Z",
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
		"validAfterTime": "2025-10-01T00:00:00Z",
		"validBeforeTime": "9999-12-31T23:59:59Z"
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "disable",
			"params": {
				"project": "my-project",
				"serviceAccount": "app@my-project.iam.gserviceaccount.com",
				"key": "0123abcd"
			}
		}
	]
}

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input with time.now_ns as 1772323200000000000
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 1 with input as noncompliant_input with time.now_ns as 1772323200000000000
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input with time.now_ns as 1772323200000000000
	some d in found
	d.policy_id == "iam_service_account_keys_require_rotation"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "IAM-001"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input with time.now_ns as 1772323200000000000
	some d in found
	d.policy_id == "iam_service_account_keys_require_rotation"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_name_has_no_plan if {
	found := enforcer.decisions with input as noncompliant_input with time.now_ns as 1772323200000000000
		with data.config.exclusions as {"resource_names": [noncompliant_input.name]}
	some d in found
	d.policy_id == "iam_service_account_keys_require_rotation"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_destructive_plan_needs_opt_in if {
	not policy.remediation with input as noncompliant_input with time.now_ns as 1772323200000000000
	found := enforcer.decisions with input as noncompliant_input with time.now_ns as 1772323200000000000
	some d in found
	d.policy_id == "iam_service_account_keys_require_rotation"
	d.remediable == false
	object.get(d, "remediation", null) == null
}

test_remediation_plan_when_destructive_allowed if {
	policy.remediation == expected_plan with input as noncompliant_input with time.now_ns as 1772323200000000000
		with data.config.remediation.allow_destructive as true
}

test_decision_carries_plan_when_destructive_allowed if {
	found := enforcer.decisions with input as noncompliant_input with time.now_ns as 1772323200000000000
		with data.config.remediation.allow_destructive as true
	some d in found
	d.policy_id == "iam_service_account_keys_require_rotation"
	d.remediable == true
	d.remediation == expected_plan
}

test_system_managed_keys_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"keyType": "SYSTEM_MANAGED"}}) with time.now_ns as 1772323200000000000
}

test_disabled_keys_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"disabled": true}}) with time.now_ns as 1772323200000000000
}

test_threshold_comes_from_config if {
	count(policy.violations) == 0 with input as noncompliant_input with time.now_ns as 1772323200000000000 with data.config.iam.max_key_age_days as 365
}
