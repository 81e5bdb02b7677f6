package enforcer.tests.storage_buckets_require_uniform_bucket_level_access

import data.enforcer
import data.enforcer.policies.storage_buckets_require_uniform_bucket_level_access as policy

compliant_input := {
	"type": "storage.googleapis.com/Bucket",
	"name": "//storage.googleapis.com/my-bucket",
	"resource": {
		"name": "my-bucket",
		"metageneration": "7",
		"labels": {
			"env": "prod"
		},
		"iamConfiguration": {
			"uniformBucketLevelAccess": {
				"enabled": true
			},
			"publicAccessPrevention": "inherited"
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
		"iamConfiguration": {
			"uniformBucketLevelAccess": {
				"enabled": false
			},
			"bucketPolicyOnly": {
				"enabled": false
			},
			"publicAccessPrevention": "inherited"
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
					"iamConfiguration": {
						"uniformBucketLevelAccess": {
							"enabled": true
						},
						"publicAccessPrevention": "inherited"
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
		"iamConfiguration": {
			"uniformBucketLevelAccess": {
				"enabled": false
			},
			"bucketPolicyOnly": {
				"enabled": false
			},
			"publicAccessPrevention": "inherited"
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
	d.policy_id == "storage_buckets_require_uniform_bucket_level_access"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "GCS-004"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "storage_buckets_require_uniform_bucket_level_access"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "storage_buckets_require_uniform_bucket_level_access"
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
	d.policy_id == "storage_buckets_require_uniform_bucket_level_access"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}
