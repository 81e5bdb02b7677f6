package enforcer.tests.kms_crypto_keys_disallow_public_access

import data.enforcer
import data.enforcer.policies.kms_crypto_keys_disallow_public_access as policy

compliant_input := {
	"type": "cloudkms.googleapis.com/CryptoKey",
	"name": "//cloudkms.googleapis.com/projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/locations/global/keyRings/ring/cryptoKeys/key",
		"labels": {},
		"purpose": "ENCRYPT_DECRYPT"
	},
	"iam": {
		"version": 3,
		"etag": "BwXabc=",
		"bindings": [
			{
				"role": "roles/viewer",
				"members": [
					"user:alice@example.com"
				]
			},
			{
				"role": "roles/editor",
				"members": [
					"group:team@example.com"
				],
				"condition": {
					"title": "expires",
					"expression": "request.time < timestamp(\"2030-01-01T00:00:00Z\")"
				}
			}
		]
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
	},
	"iam": {
		"version": 3,
		"etag": "BwXabc=",
		"bindings": [
			{
				"role": "roles/viewer",
				"members": [
					"user:alice@example.com",
					"allUsers"
				]
			},
			{
				"role": "roles/editor",
				"members": [
					"group:team@example.com",
					"allUsers"
				],
				"condition": {
					"title": "expires",
					"expression": "request.time < timestamp(\"2030-01-01T00:00:00Z\")"
				}
			},
			{
				"role": "roles/browser",
				"members": [
					"allUsers"
				]
			}
		]
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "setIamPolicy",
			"params": {
				"project": "my-project",
				"location": "global",
				"keyRing": "ring",
				"cryptoKey": "key",
				"body": {
					"policy": {
						"version": 3,
						"etag": "BwXabc=",
						"bindings": [
							{
								"role": "roles/viewer",
								"members": [
									"user:alice@example.com"
								]
							},
							{
								"role": "roles/editor",
								"members": [
									"group:team@example.com"
								],
								"condition": {
									"title": "expires",
									"expression": "request.time < timestamp(\"2030-01-01T00:00:00Z\")"
								}
							}
						]
					}
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
	},
	"iam": {
		"version": 3,
		"etag": "BwXabc=",
		"bindings": [
			{
				"role": "roles/viewer",
				"members": [
					"user:alice@example.com",
					"allUsers"
				]
			},
			{
				"role": "roles/editor",
				"members": [
					"group:team@example.com",
					"allUsers"
				],
				"condition": {
					"title": "expires",
					"expression": "request.time < timestamp(\"2030-01-01T00:00:00Z\")"
				}
			},
			{
				"role": "roles/browser",
				"members": [
					"allUsers"
				]
			}
		]
	}
}

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 3 with input as noncompliant_input
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "kms_crypto_keys_disallow_public_access"
	d.compliant == false
	d.excluded == false
	d.severity == "CRITICAL"
	d.error_code == "KMS-002"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "kms_crypto_keys_disallow_public_access"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "kms_crypto_keys_disallow_public_access"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_remediation_plan if {
	policy.remediation == expected_plan with input as noncompliant_input
}

test_decision_carries_the_plan if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "kms_crypto_keys_disallow_public_access"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_other_public_member_is_left_to_its_own_policy if {
	count(policy.violations) == 0 with input as object.union(compliant_input, {"iam": {"bindings": [{"role": "roles/viewer", "members": ["allAuthenticatedUsers"]}]}})
}

test_missing_iam_policy_is_compliant if {
	count(policy.violations) == 0 with input as object.remove(compliant_input, ["iam"])
}
