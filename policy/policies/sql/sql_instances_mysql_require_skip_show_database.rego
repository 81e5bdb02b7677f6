# Cloud SQL for MySQL must turn skip_show_database on.
#
# Reports MySQL instances where skip_show_database is not on, so any user can list every database.
package enforcer.policies.sql_instances_mysql_require_skip_show_database

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_mysql_require_skip_show_database",
	"title": "Cloud SQL for MySQL must turn skip_show_database on",
	"description": "Reports MySQL instances where skip_show_database is not on, so any user can list every database.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "LOW",
	"error_code": "SQL-006",
	"remediable": true,
	"destructive": false,
	"fix": "Patches databaseFlags with skip_show_database set to on (other flags kept), sending settingsVersion.",
	"references": [
		"CIS GCP 6.1.2"
	]
}

violations contains msg if {
	sql.is_mysql
	not sql.flag("skip_show_database") == "on"
	msg := sprintf("database flag %s is not %s", ["skip_show_database", "on"])
}

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"databaseFlags": sql.flags_with("skip_show_database", "on")})]} if count(violations) > 0
