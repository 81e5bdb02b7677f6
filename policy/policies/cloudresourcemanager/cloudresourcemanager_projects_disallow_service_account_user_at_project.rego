# Service Account User and Token Creator must not be granted at project level.
#
# Reports project-level grants of roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator, which let the member act as every service account in the project; grant them on individual service accounts instead.
package enforcer.policies.cloudresourcemanager_projects_disallow_service_account_user_at_project

import data.enforcer.lib.iam

metadata := {
	"id": "cloudresourcemanager_projects_disallow_service_account_user_at_project",
	"title": "Service Account User and Token Creator must not be granted at project level",
	"description": "Reports project-level grants of roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator, which let the member act as every service account in the project; grant them on individual service accounts instead.",
	"applies_to": [
		"cloudresourcemanager.googleapis.com/Project"
	],
	"severity": "MEDIUM",
	"error_code": "CRM-004",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 1.6"
	]
}

impersonation_roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

violations contains msg if {
	some grant in iam.grants_of_roles(object.get(input, "iam", {}), impersonation_roles)
	msg := iam.describe(grant)
}
