package enforcer.tests.bigquery_datasets_disallow_unauthenticated_public_access

import data.enforcer
import data.enforcer.policies.bigquery_datasets_disallow_unauthenticated_public_access as policy

compliant_input := {
	"type": "bigquery.googleapis.com/Dataset",
	"name": "//bigquery.googleapis.com/projects/my-project/datasets/ds",
	"resource": {
		"datasetReference": {
			"projectId": "my-project",
			"datasetId": "ds"
		},
		"etag": "e1",
		"labels": {},
		"access": [
			{
				"role": "OWNER",
				"specialGroup": "projectOwners"
			},
			{
				"role": "READER",
				"userByEmail": "bob@example.com"
			}
		]
	}
}

noncompliant_input := {
	"type": "bigquery.googleapis.com/Dataset",
	"name": "//bigquery.googleapis.com/projects/my-project/datasets/ds",
	"resource": {
		"datasetReference": {
			"projectId": "my-project",
			"datasetId": "ds"
		},
		"etag": "e1",
		"labels": {},
		"access": [
			{
				"role": "OWNER",
				"specialGroup": "projectOwners"
			},
			{
				"role": "READER",
				"iamMember": "allUsers"
			},
			{
				"role": "READER",
				"userByEmail": "bob@example.com"
			}
		]
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "patch",
			"params": {
				"project": "my-project",
				"dataset": "ds",
				"body": {
					"access": [
						{
							"role": "OWNER",
							"specialGroup": "projectOwners"
						},
						{
							"role": "READER",
							"userByEmail": "bob@example.com"
						}
					],
					"etag": "e1"
				}
			}
		}
	]
}

excluded_input := {
	"type": "bigquery.googleapis.com/Dataset",
	"name": "//bigquery.googleapis.com/projects/my-project/datasets/ds",
	"resource": {
		"datasetReference": {
			"projectId": "my-project",
			"datasetId": "ds"
		},
		"etag": "e1",
		"labels": {
			"forseti-enforcer": "disable"
		},
		"access": [
			{
				"role": "OWNER",
				"specialGroup": "projectOwners"
			},
			{
				"role": "READER",
				"iamMember": "allUsers"
			},
			{
				"role": "READER",
				"userByEmail": "bob@example.com"
			}
		]
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
	d.policy_id == "bigquery_datasets_disallow_unauthenticated_public_access"
	d.compliant == false
	d.excluded == false
	d.severity == "CRITICAL"
	d.error_code == "BQ-002"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "bigquery_datasets_disallow_unauthenticated_public_access"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "bigquery_datasets_disallow_unauthenticated_public_access"
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
	d.policy_id == "bigquery_datasets_disallow_unauthenticated_public_access"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}
