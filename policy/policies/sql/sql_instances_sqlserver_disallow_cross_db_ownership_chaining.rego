# Cloud SQL for SQL Server must turn cross db ownership chaining off.
#
# Reports SQL Server instances where the 'cross db ownership chaining' flag is not off.
package enforcer.policies.sql_instances_sqlserver_disallow_cross_db_ownership_chaining

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_sqlserver_disallow_cross_db_ownership_chaining",
	"title": "Cloud SQL for SQL Server must turn cross db ownership chaining off",
	"description": "Reports SQL Server instances where the 'cross db ownership chaining' flag is not off.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "SQL-009",
	"remediable": true,
	"destructive": false,
	"fix": "Patches databaseFlags with cross db ownership chaining set to off (other flags kept), sending settingsVersion.",
	"references": [
		"CIS GCP 6.3.2"
	]
}

violations contains msg if {
	sql.is_sqlserver
	not sql.flag("cross db ownership chaining") == "off"
	msg := sprintf("database flag %s is not %s", ["cross db ownership chaining", "off"])
}

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"databaseFlags": sql.flags_with("cross db ownership chaining", "off")})]} if count(violations) > 0
