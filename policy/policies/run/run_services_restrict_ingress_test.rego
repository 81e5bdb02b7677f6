package enforcer.tests.run_services_restrict_ingress

import data.enforcer
import data.enforcer.policies.run_services_restrict_ingress as policy

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
		"ingress": "INGRESS_TRAFFIC_ALL",
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

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "patch",
			"params": {
				"project": "my-project",
				"location": "europe-west1",
				"service": "api",
				"updateMask": "ingress",
				"body": {
					"ingress": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
					"etag": "\"e7\""
				}
			}
		}
	]
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
		"ingress": "INGRESS_TRAFFIC_ALL",
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

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 1 with input as noncompliant_input
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "run_services_restrict_ingress"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "RUN-002"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "run_services_restrict_ingress"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "run_services_restrict_ingress"
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
	d.policy_id == "run_services_restrict_ingress"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}
