package enforcer.tests.kms_crypto_keys_require_rotation

import data.enforcer
import data.enforcer.policies.kms_crypto_keys_require_rotation as policy

compliant_input := {
	"type": "cloudkms.googleapis.com/CryptoKey",
	"name": "//cloudkms.googleapis.com/projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
		"labels": {},
		"purpose": "ENCRYPT_DECRYPT",
		"rotationPeriod": "7776000s",
		"nextRotationTime": "2026-04-01T00:00:00Z"
	}
}

noncompliant_input := {
	"type": "cloudkms.googleapis.com/CryptoKey",
	"name": "//cloudkms.googleapis.com/projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
		"labels": {},
		"purpose": "ENCRYPT_DECRYPT"
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "patch",
			"params": {
				"project": "my-project",
				"location": "global",
				"keyRing": "ring",
				"cryptoKey": "key",
				"updateMask": "rotationPeriod,nextRotationTime",
				"body": {
					"rotationPeriod": "7776000s",
					"nextRotationTime": "2026-05-30T00:00:00Z"
				}
			}
		}
	]
}

excluded_input := {
	"type": "cloudkms.googleapis.com/CryptoKey",
	"name": "//cloudkms.googleapis.com/projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
		"labels": {
			"forseti-enforcer": "disable"
		},
		"purpose": "ENCRYPT_DECRYPT"
	}
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
	d.policy_id == "kms_crypto_keys_require_rotation"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "KMS-001"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input with time.now_ns as 1772323200000000000
	some d in found
	d.policy_id == "kms_crypto_keys_require_rotation"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input with time.now_ns as 1772323200000000000
	some d in found
	d.policy_id == "kms_crypto_keys_require_rotation"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_remediation_plan if {
	policy.remediation == expected_plan with input as noncompliant_input with time.now_ns as 1772323200000000000
}

test_decision_carries_the_plan if {
	found := enforcer.decisions with input as noncompliant_input with time.now_ns as 1772323200000000000
	some d in found
	d.policy_id == "kms_crypto_keys_require_rotation"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input with time.now_ns as 1772323200000000000
}

test_long_rotation_period_is_reported if {
	count(policy.violations) == 1 with input as object.union(compliant_input, {"resource": {"rotationPeriod": "31536000s"}})
}

test_asymmetric_keys_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"purpose": "ASYMMETRIC_SIGN"}})
}
