package enforcer.tests.storage_buckets_require_object_versioning

import data.enforcer
import data.enforcer.policies.storage_buckets_require_object_versioning as policy

compliant_input := {
	"type": "storage.googleapis.com/Bucket",
	"name": "//storage.googleapis.com/my-bucket",
	"resource": {
		"name": "my-bucket",
		"metageneration": "7",
		"labels": {
			"env": "prod"
		},
		"versioning": {
			"enabled": true
		}
	}
}

noncompliant_input := {
	"type": "storage.googleapis.com/Bucket",
	"name": "//storage.googleapis.com/my-bucket",
	"resource": {
		"name": "my-bucket",
		"metageneration": "7",
		"labels": {
			"env": "prod"
		},
		"versioning": {
			"enabled": false
		}
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "patch",
			"params": {
				"bucket": "my-bucket",
				"ifMetagenerationMatch": "7",
				"body": {
					"versioning": {
						"enabled": true
					}
				}
			}
		}
	]
}

excluded_input := {
	"type": "storage.googleapis.com/Bucket",
	"name": "//storage.googleapis.com/my-bucket",
	"resource": {
		"name": "my-bucket",
		"metageneration": "7",
		"labels": {
			"env": "prod",
			"forseti-enforcer": "disable"
		},
		"versioning": {
			"enabled": false
		}
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
	d.policy_id == "storage_buckets_require_object_versioning"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "GCS-003"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "storage_buckets_require_object_versioning"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "storage_buckets_require_object_versioning"
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
	d.policy_id == "storage_buckets_require_object_versioning"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_bucket_with_retention_policy_is_exempt if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"retentionPolicy": {"retentionPeriod": "86400"}}})
}

test_missing_versioning_block_is_reported if {
	count(policy.violations) == 1 with input as object.union(noncompliant_input, {"resource": {"versioning": null}})
}
