package enforcer.tests.compute_firewalls_require_logging

import data.enforcer
import data.enforcer.policies.compute_firewalls_require_logging as policy

compliant_input := {
	"type": "compute.googleapis.com/Firewall",
	"name": "//compute.googleapis.com/projects/my-project/global/firewalls/allow-ssh",
	"resource": {
		"name": "allow-ssh",
		"network": "default",
		"direction": "INGRESS",
		"disabled": false,
		"sourceRanges": [
			"10.0.0.0/8"
		],
		"allowed": [
			{
				"IPProtocol": "tcp",
				"ports": [
					"22"
				]
			}
		],
		"logConfig": {
			"enable": true
		}
	}
}

noncompliant_input := {
	"type": "compute.googleapis.com/Firewall",
	"name": "//compute.googleapis.com/projects/my-project/global/firewalls/allow-ssh",
	"resource": {
		"name": "allow-ssh",
		"network": "default",
		"direction": "INGRESS",
		"disabled": false,
		"sourceRanges": [
			"10.0.0.0/8"
		],
		"allowed": [
			{
				"IPProtocol": "tcp",
				"ports": [
					"22"
				]
			}
		],
		"logConfig": {
			"enable": false
		}
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "patch",
			"params": {
				"project": "my-project",
				"firewall": "allow-ssh",
				"body": {
					"logConfig": {
						"enable": true
					}
				}
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
	d.policy_id == "compute_firewalls_require_logging"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "GCE-003"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "compute_firewalls_require_logging"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_name_has_no_plan if {
	found := enforcer.decisions with input as noncompliant_input
		with data.config.exclusions as {"resource_names": [noncompliant_input.name]}
	some d in found
	d.policy_id == "compute_firewalls_require_logging"
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
	d.policy_id == "compute_firewalls_require_logging"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_disabled_rule_needs_no_logging if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"disabled": true}})
}
