# Service accounts must not hold owner, editor or admin roles on a project.
#
# Reports project IAM grants of roles/owner, roles/editor or any role whose name ends in 'admin'/'Admin' to a service account. Google-managed service agents (gcp-sa-*, cloudservices) are ignored.
package enforcer.policies.cloudresourcemanager_projects_disallow_service_account_admin_roles

import data.enforcer.lib.iam

metadata := {
	"id": "cloudresourcemanager_projects_disallow_service_account_admin_roles",
	"title": "Service accounts must not hold owner, editor or admin roles on a project",
	"description": "Reports project IAM grants of roles/owner, roles/editor or any role whose name ends in 'admin'/'Admin' to a service account. Google-managed service agents (gcp-sa-*, cloudservices) are ignored.",
	"applies_to": [
		"cloudresourcemanager.googleapis.com/Project"
	],
	"severity": "HIGH",
	"error_code": "CRM-002",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 1.5"
	]
}

admin_role(role) if role in {"roles/owner", "roles/editor"}

admin_role(role) if endswith(lower(role), "admin")

service_agent(member) if indexof(member, "@gcp-sa-") >= 0

service_agent(member) if endswith(member, "@cloudservices.gserviceaccount.com")

violations contains msg if {
	some binding in iam.bindings(object.get(input, "iam", {}))
	admin_role(binding.role)
	some member in binding.members
	startswith(member, "serviceAccount:")
	not service_agent(member)
	msg := iam.describe([binding.role, member])
}
