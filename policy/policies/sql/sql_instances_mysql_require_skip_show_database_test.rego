package enforcer.tests.sql_instances_mysql_require_skip_show_database

import data.enforcer
import data.enforcer.policies.sql_instances_mysql_require_skip_show_database as policy

compliant_input := {
	"type": "sqladmin.googleapis.com/Instance",
	"name": "//cloudsql.googleapis.com/projects/my-project/instances/db1",
	"project": "my-project",
	"resource": {
		"name": "db1",
		"project": "my-project",
		"databaseVersion": "MYSQL_8_0",
		"instanceType": "CLOUD_SQL_INSTANCE",
		"settings": {
			"settingsVersion": "12",
			"userLabels": {
				"team": "data"
			},
			"ipConfiguration": {
				"ipv4Enabled": false,
				"requireSsl": true,
				"sslMode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
				"authorizedNetworks": [
					{
						"name": "office",
						"value": "198.51.100.0/24"
					}
				]
			},
			"backupConfiguration": {
				"enabled": true
			},
			"databaseFlags": [
				{
					"name": "max_connections",
					"value": "100"
				},
				{
					"name": "skip_show_database",
					"value": "on"
				}
			]
		}
	}
}

noncompliant_input := {
	"type": "sqladmin.googleapis.com/Instance",
	"name": "//cloudsql.googleapis.com/projects/my-project/instances/db1",
	"project": "my-project",
	"resource": {
		"name": "db1",
		"project": "my-project",
		"databaseVersion": "MYSQL_8_0",
		"instanceType": "CLOUD_SQL_INSTANCE",
		"settings": {
			"settingsVersion": "12",
			"userLabels": {
				"team": "data"
			},
			"ipConfiguration": {
				"ipv4Enabled": false,
				"requireSsl": true,
				"sslMode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
				"authorizedNetworks": [
					{
						"name": "office",
						"value": "198.51.100.0/24"
					}
				]
			},
			"backupConfiguration": {
				"enabled": true
			},
			"databaseFlags": [
				{
					"name": "skip_show_database",
					"value": "off"
				},
				{
					"name": "max_connections",
					"value": "100"
				}
			]
		}
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "patch",
			"params": {
				"project": "my-project",
				"instance": "db1",
				"body": {
					"settings": {
						"databaseFlags": [
							{
								"name": "max_connections",
								"value": "100"
							},
							{
								"name": "skip_show_database",
								"value": "on"
							}
						],
						"settingsVersion": "12"
					}
				}
			}
		}
	]
}

excluded_input := {
	"type": "sqladmin.googleapis.com/Instance",
	"name": "//cloudsql.googleapis.com/projects/my-project/instances/db1",
	"project": "my-project",
	"resource": {
		"name": "db1",
		"project": "my-project",
		"databaseVersion": "MYSQL_8_0",
		"instanceType": "CLOUD_SQL_INSTANCE",
		"settings": {
			"settingsVersion": "12",
			"userLabels": {
				"team": "data",
				"forseti-enforcer": "disable"
			},
			"ipConfiguration": {
				"ipv4Enabled": false,
				"requireSsl": true,
				"sslMode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
				"authorizedNetworks": [
					{
						"name": "office",
						"value": "198.51.100.0/24"
					}
				]
			},
			"backupConfiguration": {
				"enabled": true
			},
			"databaseFlags": [
				{
					"name": "skip_show_database",
					"value": "off"
				},
				{
					"name": "max_connections",
					"value": "100"
				}
			]
		}
	}
}

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 1 with input as noncompliant_input
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "sql_instances_mysql_require_skip_show_database"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "SQL-006"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "sql_instances_mysql_require_skip_show_database"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "sql_instances_mysql_require_skip_show_database"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_remediation_plan if {
	policy.remediation == expected_plan with input as noncompliant_input
}

test_decision_carries_the_plan if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "sql_instances_mysql_require_skip_show_database"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_other_engines_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"databaseVersion": "POSTGRES_15"}})
}

test_missing_flag_is_reported if {
	count(policy.violations) == 1 with input as object.union(noncompliant_input, {"resource": {"settings": {"databaseFlags": []}}})
}
