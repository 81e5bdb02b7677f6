package enforcer.tests.cloudresourcemanager_projects_disallow_primitive_roles_for_users

import data.enforcer
import data.enforcer.policies.cloudresourcemanager_projects_disallow_primitive_roles_for_users as policy

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
					"user:bob@example.com",
					"group:devs@example.com"
				]
			},
			{
				"role": "roles/owner",
				"members": [
					"user:carol@example.com"
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
					"user:bob@example.com",
					"group:devs@example.com"
				]
			},
			{
				"role": "roles/owner",
				"members": [
					"user:carol@example.com"
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
	d.policy_id == "cloudresourcemanager_projects_disallow_primitive_roles_for_users"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "CRM-003"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_disallow_primitive_roles_for_users"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_disallow_primitive_roles_for_users"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_disallow_primitive_roles_for_users"
	d.remediable == false
}

test_groups_are_not_reported if {
	count(policy.violations) == 0 with input as object.union(compliant_input, {"iam": {"bindings": [{"role": "roles/editor", "members": ["group:devs@example.com"]}]}})
}
