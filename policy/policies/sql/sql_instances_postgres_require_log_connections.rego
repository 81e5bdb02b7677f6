# Cloud SQL for PostgreSQL must log connections.
#
# Reports PostgreSQL instances where log_connections is not on.
package enforcer.policies.sql_instances_postgres_require_log_connections

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_postgres_require_log_connections",
	"title": "Cloud SQL for PostgreSQL must log connections",
	"description": "Reports PostgreSQL instances where log_connections is not on.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "LOW",
	"error_code": "SQL-007",
	"remediable": true,
	"destructive": false,
	"fix": "Patches databaseFlags with log_connections set to on (other flags kept), sending settingsVersion.",
	"references": [
		"CIS GCP 6.2.2"
	]
}

violations contains msg if {
	sql.is_postgres
	not sql.flag("log_connections") == "on"
	msg := sprintf("database flag %s is not %s", ["log_connections", "on"])
}

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"databaseFlags": sql.flags_with("log_connections", "on")})]} if count(violations) > 0
