# Cloud SQL instances must have automated backups.
#
# Reports primary instances with automated backups off (read replicas cannot have backups and are skipped).
package enforcer.policies.sql_instances_require_backup_configuration

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_require_backup_configuration",
	"title": "Cloud SQL instances must have automated backups",
	"description": "Reports primary instances with automated backups off (read replicas cannot have backups and are skipped).",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "SQL-002",
	"remediable": true,
	"destructive": false,
	"fix": "Patches backupConfiguration.enabled to true, sending settingsVersion.",
	"references": [
		"CIS GCP 6.7"
	]
}

violations contains "automated backups are disabled" if {
	not sql.is_replica
	not input.resource.settings.backupConfiguration.enabled == true
}

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"backupConfiguration": {"enabled": true}})]} if count(violations) > 0
