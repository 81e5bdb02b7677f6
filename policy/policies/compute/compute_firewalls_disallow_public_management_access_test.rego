package enforcer.tests.compute_firewalls_disallow_public_management_access

import data.enforcer
import data.enforcer.policies.compute_firewalls_disallow_public_management_access as policy

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
			"0.0.0.0/0"
		],
		"allowed": [
			{
				"IPProtocol": "tcp",
				"ports": [
					"20-30",
					"443"
				]
			},
			{
				"IPProtocol": "tcp",
				"ports": [
					"3389"
				]
			}
		],
		"logConfig": {
			"enable": true
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
					"disabled": true
				}
			}
		}
	]
}

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 2 with input as noncompliant_input
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "compute_firewalls_disallow_public_management_access"
	d.compliant == false
	d.excluded == false
	d.severity == "HIGH"
	d.error_code == "GCE-002"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "compute_firewalls_disallow_public_management_access"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_name_has_no_plan if {
	found := enforcer.decisions with input as noncompliant_input
		with data.config.exclusions as {"resource_names": [noncompliant_input.name]}
	some d in found
	d.policy_id == "compute_firewalls_disallow_public_management_access"
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
	d.policy_id == "compute_firewalls_disallow_public_management_access"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_protocol_all_exposes_both_ports if {
	count(policy.violations) == 2 with input as object.union(noncompliant_input, {"resource": {"allowed": [{"IPProtocol": "all"}]}})
}

test_tcp_without_ports_exposes_both_ports if {
	count(policy.violations) == 2 with input as object.union(noncompliant_input, {"resource": {"allowed": [{"IPProtocol": "tcp"}]}})
}

test_disabled_rule_is_compliant if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"disabled": true}})
}

test_rule_without_disabled_field_is_checked if {
	count(policy.violations) == 2 with input as json.remove(noncompliant_input, ["resource/disabled"])
}

test_egress_rule_is_compliant if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"direction": "EGRESS"}})
}

test_ipv6_world_is_reported if {
	count(policy.violations) == 2 with input as object.union(noncompliant_input, {"resource": {"sourceRanges": ["::/0"]}})
}

test_other_ports_are_compliant if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"allowed": [{"IPProtocol": "tcp", "ports": ["443", "8000-9000"]}]}})
}
