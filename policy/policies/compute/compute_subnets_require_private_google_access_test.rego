package enforcer.tests.compute_subnets_require_private_google_access

import data.enforcer
import data.enforcer.policies.compute_subnets_require_private_google_access as policy

compliant_input := {
	"type": "compute.googleapis.com/Subnetwork",
	"name": "//compute.googleapis.com/projects/my-project/regions/us-central1/subnetworks/sn",
	"resource": {
		"name": "sn",
		"fingerprint": "fp==",
		"privateIpGoogleAccess": true,
		"logConfig": {
			"enable": true
		},
		"purpose": "PRIVATE"
	}
}

noncompliant_input := {
	"type": "compute.googleapis.com/Subnetwork",
	"name": "//compute.googleapis.com/projects/my-project/regions/us-central1/subnetworks/sn",
	"resource": {
		"name": "sn",
		"fingerprint": "fp==",
		"privateIpGoogleAccess": false,
		"logConfig": {
			"enable": true
		},
		"purpose": "PRIVATE"
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "setPrivateIpGoogleAccess",
			"params": {
				"project": "my-project",
				"region": "us-central1",
				"subnetwork": "sn",
				"body": {
					"privateIpGoogleAccess": true
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
	d.policy_id == "compute_subnets_require_private_google_access"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "GCE-004"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "compute_subnets_require_private_google_access"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_name_has_no_plan if {
	found := enforcer.decisions with input as noncompliant_input
		with data.config.exclusions as {"resource_names": [noncompliant_input.name]}
	some d in found
	d.policy_id == "compute_subnets_require_private_google_access"
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
	d.policy_id == "compute_subnets_require_private_google_access"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}
