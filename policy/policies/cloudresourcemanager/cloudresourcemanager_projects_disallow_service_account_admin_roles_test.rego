package enforcer.tests.cloudresourcemanager_projects_disallow_service_account_admin_roles

import data.enforcer
import data.enforcer.policies.cloudresourcemanager_projects_disallow_service_account_admin_roles as policy

compliant_input := {
	"type": "cloudresourcemanager.googleapis.com/Project",
	"name": "//cloudresourcemanager.googleapis.com/projects/my-project",
	"resource": {
		"projectId": "my-project",
		"labels": {}
	},
	"iam": {
		"etag": "BwE=",
		"bindings": [
			{
				"role": "roles/owner",
				"members": [
					"group:admins@example.com"
				]
			},
			{
				"role": "roles/viewer",
				"members": [
					"serviceAccount:ci@my-project.iam.gserviceaccount.com"
				]
			}
		]
	}
}

noncompliant_input := {
	"type": "cloudresourcemanager.googleapis.com/Project",
	"name": "//cloudresourcemanager.googleapis.com/projects/my-project",
	"resource": {
		"projectId": "my-project",
		"labels": {}
	},
	"iam": {
		"etag": "BwE=",
		"bindings": [
			{
				"role": "roles/owner",
				"members": [
					"group:admins@example.com"
				]
			},
			{
				"role": "roles/editor",
				"members": [
					"serviceAccount:app@my-project.iam.gserviceaccount.com",
					"serviceAccount:123@cloudservices.gserviceaccount.com"
				]
			},
			{
				"role": "roles/storage.admin",
				"members": [
					"serviceAccount:etl@my-project.iam.gserviceaccount.com"
				]
			}
		]
	}
}

excluded_input := {
	"type": "cloudresourcemanager.googleapis.com/Project",
	"name": "//cloudresourcemanager.googleapis.com/projects/my-project",
	"resource": {
		"projectId": "my-project",
		"labels": {
			"forseti-enforcer": "disable"
		}
	},
	"iam": {
		"etag": "BwE=",
		"bindings": [
			{
				"role": "roles/owner",
				"members": [
					"group:admins@example.com"
				]
			},
			{
				"role": "roles/editor",
				"members": [
					"serviceAccount:app@my-project.iam.gserviceaccount.com",
					"serviceAccount:123@cloudservices.gserviceaccount.com"
				]
			},
			{
				"role": "roles/storage.admin",
				"members": [
					"serviceAccount:etl@my-project.iam.gserviceaccount.com"
				]
			}
		]
	}
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
	d.policy_id == "cloudresourcemanager_projects_disallow_service_account_admin_roles"
	d.compliant == false
	d.excluded == false
	d.severity == "HIGH"
	d.error_code == "CRM-002"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_disallow_service_account_admin_roles"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_disallow_service_account_admin_roles"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_disallow_service_account_admin_roles"
	d.remediable == false
}
