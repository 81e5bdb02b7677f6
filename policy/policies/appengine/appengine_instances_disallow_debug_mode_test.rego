package enforcer.tests.appengine_instances_disallow_debug_mode

import data.enforcer
import data.enforcer.policies.appengine_instances_disallow_debug_mode as policy

compliant_input := {
	"type": "appengine.googleapis.com/Instance",
	"name": "//appengine.googleapis.com/apps/my-app/services/default/versions/v1/instances/i-1",
	"resource": {
		"id": "i-1",
		"vmDebugEnabled": false
	}
}

noncompliant_input := {
	"type": "appengine.googleapis.com/Instance",
	"name": "//appengine.googleapis.com/apps/my-app/services/default/versions/v1/instances/i-1",
	"resource": {
		"id": "i-1",
		"vmDebugEnabled": true
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "delete",
			"params": {
				"app": "my-app",
				"service": "default",
				"version": "v1",
				"instance": "i-1"
			}
		}
	]
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
	d.policy_id == "appengine_instances_disallow_debug_mode"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "GAE-001"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "appengine_instances_disallow_debug_mode"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_name_has_no_plan if {
	found := enforcer.decisions with input as noncompliant_input
		with data.config.exclusions as {"resource_names": [noncompliant_input.name]}
	some d in found
	d.policy_id == "appengine_instances_disallow_debug_mode"
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
	d.policy_id == "appengine_instances_disallow_debug_mode"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}
