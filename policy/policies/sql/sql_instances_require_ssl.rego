# Cloud SQL instances must only accept encrypted connections.
#
# Reports instances that accept unencrypted connections: sslMode is neither ENCRYPTED_ONLY nor TRUSTED_CLIENT_CERTIFICATE_REQUIRED and the legacy requireSsl flag is off.
package enforcer.policies.sql_instances_require_ssl

import data.enforcer.lib.sql

metadata := {
	"id": "sql_instances_require_ssl",
	"title": "Cloud SQL instances must only accept encrypted connections",
	"description": "Reports instances that accept unencrypted connections: sslMode is neither ENCRYPTED_ONLY nor TRUSTED_CLIENT_CERTIFICATE_REQUIRED and the legacy requireSsl flag is off.",
	"applies_to": [
		"sqladmin.googleapis.com/Instance"
	],
	"severity": "HIGH",
	"error_code": "SQL-003",
	"remediable": true,
	"destructive": false,
	"fix": "Patches ipConfiguration.sslMode to ENCRYPTED_ONLY (connections must use TLS; client certificates are not required), sending settingsVersion.",
	"references": [
		"CIS GCP 6.4"
	]
}

ip := object.get(input.resource, ["settings", "ipConfiguration"], {})

encrypted if ip.requireSsl == true

encrypted if ip.sslMode in {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

violations contains "unencrypted connections are accepted" if not encrypted

remediation := {"_remediation_spec": "v2", "steps": [sql.patch_settings({"ipConfiguration": {"sslMode": "ENCRYPTED_ONLY"}})]} if count(violations) > 0
