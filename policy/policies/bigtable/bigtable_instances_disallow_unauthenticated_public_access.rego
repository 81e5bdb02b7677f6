# Bigtable instances must not be accessible to allUsers.
#
# Granting allUsers a role on a Bigtable instance makes it reachable by anyone on the internet (allUsers).
package enforcer.policies.bigtable_instances_disallow_unauthenticated_public_access

import data.enforcer.lib.iam
import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "bigtable_instances_disallow_unauthenticated_public_access",
	"title": "Bigtable instances must not be accessible to allUsers",
	"description": "Reports IAM bindings on a Bigtable instance that grant a role to anyone on the internet (allUsers).",
	"applies_to": [
		"bigtableadmin.googleapis.com/Instance"
	],
	"severity": "CRITICAL",
	"error_code": "BT-002",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy with the same policy minus allUsers: other members, binding conditions and the etag are kept; bindings left empty are dropped.",
	"references": []
}

disallowed := {"allUsers"}

violations contains msg if {
	some grant in iam.grants(object.get(input, "iam", {}), disallowed)
	msg := iam.describe(grant)
}

remediation := plan.plan([plan.step("setIamPolicy", {
	"project": resource.project,
	"instance": resource.input_segment("instances"),
	"body": {"policy": iam.without_members(input.iam, disallowed)},
})]) if count(violations) > 0
