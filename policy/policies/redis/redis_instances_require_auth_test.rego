package enforcer.tests.redis_instances_require_auth

import data.enforcer
import data.enforcer.policies.redis_instances_require_auth as policy

compliant_input := {
	"type": "redis.googleapis.com/Instance",
	"name": "//redis.googleapis.com/projects/my-project/locations/us-central1/instances/cache",
	"resource": {
		"name": "projects/my-project/locations/us-central1/instances/cache",
		"labels": {},
		"authEnabled": true,
		"tier": "STANDARD_HA"
	}
}

noncompliant_input := {
	"type": "redis.googleapis.com/Instance",
	"name": "//redis.googleapis.com/projects/my-project/locations/us-central1/instances/cache",
	"resource": {
		"name": "projects/my-project/locations/us-central1/instances/cache",
		"labels": {},
		"authEnabled": false,
		"tier": "STANDARD_HA"
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "patch",
			"params": {
				"project": "my-project",
				"location": "us-central1",
				"instance": "cache",
				"updateMask": "authEnabled",
				"body": {
					"authEnabled": true
				}
			}
		}
	]
}

excluded_input := {
	"type": "redis.googleapis.com/Instance",
	"name": "//redis.googleapis.com/projects/my-project/locations/us-central1/instances/cache",
	"resource": {
		"name": "projects/my-project/locations/us-central1/instances/cache",
		"labels": {
			"forseti-enforcer": "disable"
		},
		"authEnabled": false,
		"tier": "STANDARD_HA"
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
	d.policy_id == "redis_instances_require_auth"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "REDIS-001"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "redis_instances_require_auth"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "redis_instances_require_auth"
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
	d.policy_id == "redis_instances_require_auth"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}
