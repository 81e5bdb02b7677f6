# Cloud SQL for PostgreSQL must log disconnections.
#
# Reports PostgreSQL instances where log_disconnections is not on.
package enforcer.policies.sql_instances_postgres_require_log_disconnections

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_postgres_require_log_disconnections",
	"title": "Cloud SQL for PostgreSQL must log disconnections",
	"description": "Reports PostgreSQL instances where log_disconnections is not on.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "LOW",
	"error_code": "SQL-008",
	"remediable": true,
	"destructive": false,
	"fix": "Patches databaseFlags with log_disconnections set to on (other flags kept), sending settingsVersion.",
	"references": [
		"CIS GCP 6.2.3"
	]
}

violations contains msg if {
	sql.is_postgres
	not sql.flag("log_disconnections") == "on"
	msg := sprintf("database flag %s is not %s", ["log_disconnections", "on"])
}

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"databaseFlags": sql.flags_with("log_disconnections", "on")})]} if count(violations) > 0
