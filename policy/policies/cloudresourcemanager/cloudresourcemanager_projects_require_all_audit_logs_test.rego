package enforcer.tests.cloudresourcemanager_projects_require_all_audit_logs

import data.enforcer
import data.enforcer.policies.cloudresourcemanager_projects_require_all_audit_logs as policy

compliant_input := {
	"type": "cloudresourcemanager.googleapis.com/Project",
	"name": "//cloudresourcemanager.googleapis.com/projects/my-project",
	"resource": {
		"projectId": "my-project",
		"labels": {}
	},
	"iam": {
		"etag": "BwE=",
		"version": 1,
		"bindings": [
			{
				"role": "roles/owner",
				"members": [
					"group:admins@example.com"
				]
			}
		],
		"auditConfigs": [
			{
				"service": "allServices",
				"auditLogConfigs": [
					{
						"logType": "ADMIN_READ"
					},
					{
						"logType": "DATA_READ"
					},
					{
						"logType": "DATA_WRITE"
					}
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
		"version": 1,
		"bindings": [
			{
				"role": "roles/owner",
				"members": [
					"group:admins@example.com"
				]
			}
		],
		"auditConfigs": [
			{
				"service": "storage.googleapis.com",
				"auditLogConfigs": [
					{
						"logType": "DATA_READ"
					}
				]
			},
			{
				"service": "allServices",
				"auditLogConfigs": [
					{
						"logType": "ADMIN_READ",
						"exemptedMembers": [
							"user:bob@example.com"
						]
					}
				]
			}
		]
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "setIamPolicy",
			"params": {
				"project": "my-project",
				"body": {
					"updateMask": "auditConfigs,bindings,etag",
					"policy": {
						"etag": "BwE=",
						"version": 1,
						"bindings": [
							{
								"role": "roles/owner",
								"members": [
									"group:admins@example.com"
								]
							}
						],
						"auditConfigs": [
							{
								"service": "storage.googleapis.com",
								"auditLogConfigs": [
									{
										"logType": "DATA_READ"
									}
								]
							},
							{
								"service": "allServices",
								"auditLogConfigs": [
									{
										"logType": "ADMIN_READ"
									},
									{
										"logType": "DATA_READ"
									},
									{
										"logType": "DATA_WRITE"
									}
								]
							}
						]
					}
				}
			}
		}
	]
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
		"version": 1,
		"bindings": [
			{
				"role": "roles/owner",
				"members": [
					"group:admins@example.com"
				]
			}
		],
		"auditConfigs": [
			{
				"service": "storage.googleapis.com",
				"auditLogConfigs": [
					{
						"logType": "DATA_READ"
					}
				]
			},
			{
				"service": "allServices",
				"auditLogConfigs": [
					{
						"logType": "ADMIN_READ",
						"exemptedMembers": [
							"user:bob@example.com"
						]
					}
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
	d.policy_id == "cloudresourcemanager_projects_require_all_audit_logs"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "CRM-001"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_require_all_audit_logs"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "cloudresourcemanager_projects_require_all_audit_logs"
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
	d.policy_id == "cloudresourcemanager_projects_require_all_audit_logs"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_project_without_audit_configs_is_reported if {
	count(policy.violations) == 1 with input as object.union(compliant_input, {"iam": {"auditConfigs": null}})
}
