# Projects must record admin-read, data-read and data-write audit logs for all services.
#
# Reports projects whose IAM policy lacks an allServices audit config that enables ADMIN_READ, DATA_READ and DATA_WRITE logs without exempted members.
package enforcer.policies.cloudresourcemanager_projects_require_all_audit_logs

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "cloudresourcemanager_projects_require_all_audit_logs",
	"title": "Projects must record admin-read, data-read and data-write audit logs for all services",
	"description": "Reports projects whose IAM policy lacks an allServices audit config that enables ADMIN_READ, DATA_READ and DATA_WRITE logs without exempted members.",
	"applies_to": [
		"cloudresourcemanager.googleapis.com/Project"
	],
	"severity": "MEDIUM",
	"error_code": "CRM-001",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setIamPolicy (updateMask auditConfigs,bindings,etag) with the current policy, its bindings and etag unchanged, other services' audit configs kept and the allServices config set to all three log types without exemptions.",
	"references": [
		"CIS GCP 2.1"
	]
}

required := {"ADMIN_READ", "DATA_READ", "DATA_WRITE"}

all_services := [c | some c in object.get(object.get(input, "iam", {}), "auditConfigs", []); c.service == "allServices"]

enabled := {cfg.logType | some c in all_services; some cfg in object.get(c, "auditLogConfigs", [])}

violations contains msg if {
	missing := required - enabled
	count(missing) > 0
	msg := sprintf("audit log types not enabled for allServices: %s", [concat(", ", sort(missing))])
}

violations contains msg if {
	some c in all_services
	some cfg in object.get(c, "auditLogConfigs", [])
	count(object.get(cfg, "exemptedMembers", [])) > 0
	msg := sprintf("%s audit logs exempt %s", [cfg.logType, concat(", ", cfg.exemptedMembers)])
}

fixed_configs := array.concat(
	[c | some c in object.get(input.iam, "auditConfigs", []); c.service != "allServices"],
	[{"service": "allServices", "auditLogConfigs": [{"logType": t} | some t in sort(required)]}],
)

remediation := plan.plan([plan.step("setIamPolicy", {
	"project": resource.project,
	"body": {
		"policy": object.union(input.iam, {"auditConfigs": fixed_configs}),
		"updateMask": "auditConfigs,bindings,etag",
	},
})]) if count(violations) > 0
