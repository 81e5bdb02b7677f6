# Cloud SQL for MySQL must turn local_infile off.
#
# Reports MySQL instances where local_infile is not explicitly off, letting clients load local files into the server.
package enforcer.policies.sql_instances_mysql_disallow_local_infile

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_mysql_disallow_local_infile",
	"title": "Cloud SQL for MySQL must turn local_infile off",
	"description": "Reports MySQL instances where local_infile is not explicitly off, letting clients load local files into the server.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "SQL-005",
	"remediable": true,
	"destructive": false,
	"fix": "Patches databaseFlags with local_infile set to off (other flags kept), sending settingsVersion.",
	"references": [
		"CIS GCP 6.1.3"
	]
}

violations contains msg if {
	sql.is_mysql
	not sql.flag("local_infile") == "off"
	msg := sprintf("database flag %s is not %s", ["local_infile", "off"])
}

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"databaseFlags": sql.flags_with("local_infile", "off")})]} if count(violations) > 0
