# Projects must not grant roles to consumer Gmail accounts.
#
# Reports project IAM members that are personal Gmail accounts (user:...@gmail.com or @googlemail.com) instead of corporate identities.
package enforcer.policies.cloudresourcemanager_projects_disallow_consumer_accounts

import data.enforcer.lib.iam

metadata := {
	"id": "cloudresourcemanager_projects_disallow_consumer_accounts",
	"title": "Projects must not grant roles to consumer Gmail accounts",
	"description": "Reports project IAM members that are personal Gmail accounts (user:...@gmail.com or @googlemail.com) instead of corporate identities.",
	"applies_to": [
		"cloudresourcemanager.googleapis.com/Project"
	],
	"severity": "MEDIUM",
	"error_code": "CRM-005",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GCP 1.1"
	]
}

consumer(member) if endswith(lower(member), "@gmail.com")

consumer(member) if endswith(lower(member), "@googlemail.com")

violations contains msg if {
	some binding in iam.bindings(object.get(input, "iam", {}))
	some member in binding.members
	startswith(member, "user:")
	consumer(member)
	msg := iam.describe([binding.role, member])
}
