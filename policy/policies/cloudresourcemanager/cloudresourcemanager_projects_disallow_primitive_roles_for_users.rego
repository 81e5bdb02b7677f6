# Users must not hold the primitive owner or editor roles on a project.
#
# Reports roles/owner and roles/editor granted to individual user accounts (user:...) on a project; use predefined roles or groups instead. Reported only: removing an owner automatically could lock a project out.
package enforcer.policies.cloudresourcemanager_projects_disallow_primitive_roles_for_users

import data.enforcer.lib.iam

metadata := {
	"id": "cloudresourcemanager_projects_disallow_primitive_roles_for_users",
	"title": "Users must not hold the primitive owner or editor roles on a project",
	"description": "Reports roles/owner and roles/editor granted to individual user accounts (user:...) on a project; use predefined roles or groups instead. Reported only: removing an owner automatically could lock a project out.",
	"applies_to": [
		"cloudresourcemanager.googleapis.com/Project"
	],
	"severity": "MEDIUM",
	"error_code": "CRM-003",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": []
}

primitive := {"roles/owner", "roles/editor"}

violations contains msg if {
	some grant in iam.grants_of_roles(object.get(input, "iam", {}), primitive)
	startswith(grant[1], "user:")
	msg := iam.describe(grant)
}
