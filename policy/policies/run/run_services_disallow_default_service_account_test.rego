package enforcer.tests.run_services_disallow_default_service_account

import data.enforcer
import data.enforcer.policies.run_services_disallow_default_service_account as policy

compliant_input := {
	"type": "run.googleapis.com/Service",
	"name": "//run.googleapis.com/projects/my-project/locations/europe-west1/services/api",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/locations/europe-west1/services/api",
		"labels": {},
		"etag": "\"e7\"",
		"ingress": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
		"template": {
			"serviceAccount": "api-runner@my-project.iam.gserviceaccount.com",
			"containers": [
				{
					"image": "europe-docker.pkg.dev/my-project/images/api:1"
				}
			]
		}
	}
}

noncompliant_input := {
	"type": "run.googleapis.com/Service",
	"name": "//run.googleapis.com/projects/my-project/locations/europe-west1/services/api",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/locations/europe-west1/services/api",
		"labels": {},
		"etag": "\"e7\"",
		"ingress": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
		"template": {
			"containers": []
		}
	}
}

excluded_input := {
	"type": "run.googleapis.com/Service",
	"name": "//run.googleapis.com/projects/my-project/locations/europe-west1/services/api",
	"project": "my-project",
	"resource": {
		"name": "projects/my-project/locations/europe-west1/services/api",
		"labels": {
			"forseti-enforcer": "disable"
		},
		"etag": "\"e7\"",
		"ingress": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
		"template": {
			"containers": []
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
	d.policy_id == "run_services_disallow_default_service_account"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "RUN-003"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "run_services_disallow_default_service_account"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "run_services_disallow_default_service_account"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "run_services_disallow_default_service_account"
	d.remediable == false
}
