package enforcer.tests.compute_networks_disallow_legacy

import data.enforcer
import data.enforcer.policies.compute_networks_disallow_legacy as policy

compliant_input := {
	"type": "compute.googleapis.com/Network",
	"name": "//compute.googleapis.com/projects/my-project/global/networks/prod-vpc",
	"resource": {
		"name": "prod-vpc",
		"autoCreateSubnetworks": false
	}
}

noncompliant_input := {
	"type": "compute.googleapis.com/Network",
	"name": "//compute.googleapis.com/projects/my-project/global/networks/prod-vpc",
	"resource": {
		"name": "prod-vpc",
		"IPv4Range": "10.240.0.0/16",
		"gatewayIPv4": "10.240.0.1"
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
	d.policy_id == "compute_networks_disallow_legacy"
	d.compliant == false
	d.excluded == false
	d.severity == "HIGH"
	d.error_code == "GCE-015"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "compute_networks_disallow_legacy"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_name_has_no_plan if {
	found := enforcer.decisions with input as noncompliant_input
		with data.config.exclusions as {"resource_names": [noncompliant_input.name]}
	some d in found
	d.policy_id == "compute_networks_disallow_legacy"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "compute_networks_disallow_legacy"
	d.remediable == false
}
