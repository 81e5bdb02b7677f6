package enforcer.tests.cloudfunctions_disallow_default_service_account

import data.enforcer
import data.enforcer.policies.cloudfunctions_disallow_default_service_account as policy

compliant_input := {
	"type": "cloudfunctions.googleapis.com/CloudFunction",
	"name": "//cloudfunctions.googleapis.com/projects/my-project/locations/us-central1/functions/fn",
	"resource": {
		"serviceAccountEmail": "fn-runner@my-project.iam.gserviceaccount.com",
		"labels": {}
	}
}

noncompliant_input := {
	"type": "cloudfunctions.googleapis.com/CloudFunction",
	"name": "//cloudfunctions.googleapis.com/projects/my-project/locations/us-central1/functions/fn",
	"resource": {
		"serviceAccountEmail": "my-project@appspot.gserviceaccount.com",
		"labels": {}
	}
}

excluded_input := {
	"type": "cloudfunctions.googleapis.com/CloudFunction",
	"name": "//cloudfunctions.googleapis.com/projects/my-project/locations/us-central1/functions/fn",
	"resource": {
		"serviceAccountEmail": "my-project@appspot.gserviceaccount.com",
		"labels": {
			"forseti-enforcer": "disable"
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
	d.policy_id == "cloudfunctions_disallow_default_service_account"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "CF-005"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "cloudfunctions_disallow_default_service_account"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "cloudfunctions_disallow_default_service_account"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "cloudfunctions_disallow_default_service_account"
	d.remediable == false
}

test_second_gen_default_compute_account_is_reported if {
	count(policy.violations) == 1 with input as {
		"type": "cloudfunctions.googleapis.com/Function",
		"name": compliant_input.name,
		"resource": {"serviceConfig": {"serviceAccountEmail": "123-compute@developer.gserviceaccount.com"}},
	}
}

test_missing_service_account_is_reported if {
	count(policy.violations) == 1 with input as object.union(compliant_input, {"resource": {"serviceAccountEmail": null}})
}
