package enforcer.tests.dataproc_clusters_require_job_logging

import data.enforcer
import data.enforcer.policies.dataproc_clusters_require_job_logging as policy

compliant_input := {
	"type": "dataproc.googleapis.com/Cluster",
	"name": "//dataproc.googleapis.com/projects/my-project/regions/us-central1/clusters/etl",
	"project": "my-project",
	"resource": {
		"clusterName": "etl",
		"clusterUuid": "6f1c2b9e-0d7a-4a53-9d62-1f4f1b2f3c4d",
		"labels": {
			"goog-dataproc-location": "us-central1"
		},
		"config": {
			"gceClusterConfig": {
				"serviceAccount": "etl@my-project.iam.gserviceaccount.com"
			},
			"masterConfig": {
				"imageUri": "https://www.googleapis.com/compute/v1/projects/golden-images/global/images/dp-2"
			},
			"softwareConfig": {
				"properties": {
					"dataproc:dataproc.logging.stackdriver.enable": "true",
					"dataproc:dataproc.logging.stackdriver.job.driver.enable": "true",
					"dataproc:dataproc.logging.stackdriver.job.yarn.container.enable": "true",
					"dataproc:jobs.file-backed-output.enable": "true"
				}
			},
			"securityConfig": {
				"kerberosConfig": {
					"enableKerberos": true
				}
			}
		},
		"status": {
			"state": "RUNNING",
			"stateStartTime": "2026-01-02T00:00:00Z"
		},
		"statusHistory": [
			{
				"state": "CREATING",
				"stateStartTime": "2026-01-01T00:00:00Z"
			}
		]
	}
}

noncompliant_input := {
	"type": "dataproc.googleapis.com/Cluster",
	"name": "//dataproc.googleapis.com/projects/my-project/regions/us-central1/clusters/etl",
	"project": "my-project",
	"resource": {
		"clusterName": "etl",
		"clusterUuid": "6f1c2b9e-0d7a-4a53-9d62-1f4f1b2f3c4d",
		"labels": {
			"goog-dataproc-location": "us-central1"
		},
		"config": {
			"gceClusterConfig": {
				"serviceAccount": "etl@my-project.iam.gserviceaccount.com"
			},
			"masterConfig": {
				"imageUri": "https://www.googleapis.com/compute/v1/projects/golden-images/global/images/dp-2"
			},
			"softwareConfig": {
				"properties": {}
			},
			"securityConfig": {
				"kerberosConfig": {
					"enableKerberos": true
				}
			}
		},
		"status": {
			"state": "RUNNING",
			"stateStartTime": "2026-01-02T00:00:00Z"
		},
		"statusHistory": [
			{
				"state": "CREATING",
				"stateStartTime": "2026-01-01T00:00:00Z"
			}
		]
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "delete",
			"params": {
				"project": "my-project",
				"region": "us-central1",
				"cluster": "etl",
				"clusterUuid": "6f1c2b9e-0d7a-4a53-9d62-1f4f1b2f3c4d",
				"requestId": "6f1c2b9e-0d7a-4a53-9d62-1f4f1b2f3c4d"
			}
		}
	]
}

excluded_input := {
	"type": "dataproc.googleapis.com/Cluster",
	"name": "//dataproc.googleapis.com/projects/my-project/regions/us-central1/clusters/etl",
	"project": "my-project",
	"resource": {
		"clusterName": "etl",
		"clusterUuid": "6f1c2b9e-0d7a-4a53-9d62-1f4f1b2f3c4d",
		"labels": {
			"goog-dataproc-location": "us-central1",
			"forseti-enforcer": "disable"
		},
		"config": {
			"gceClusterConfig": {
				"serviceAccount": "etl@my-project.iam.gserviceaccount.com"
			},
			"masterConfig": {
				"imageUri": "https://www.googleapis.com/compute/v1/projects/golden-images/global/images/dp-2"
			},
			"softwareConfig": {
				"properties": {}
			},
			"securityConfig": {
				"kerberosConfig": {
					"enableKerberos": true
				}
			}
		},
		"status": {
			"state": "RUNNING",
			"stateStartTime": "2026-01-02T00:00:00Z"
		},
		"statusHistory": [
			{
				"state": "CREATING",
				"stateStartTime": "2026-01-01T00:00:00Z"
			}
		]
	}
}

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 3 with input as noncompliant_input
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "dataproc_clusters_require_job_logging"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "DP-004"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "dataproc_clusters_require_job_logging"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "dataproc_clusters_require_job_logging"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_destructive_plan_needs_opt_in if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "dataproc_clusters_require_job_logging"
	d.remediable == false
	object.get(d, "remediation", null) == null
}

test_remediation_plan_when_destructive_allowed if {
	policy.remediation == expected_plan with input as noncompliant_input
		with data.config.remediation.allow_destructive as true
}

test_decision_carries_plan_when_destructive_allowed if {
	found := enforcer.decisions with input as noncompliant_input
		with data.config.remediation.allow_destructive as true
	some d in found
	d.policy_id == "dataproc_clusters_require_job_logging"
	d.remediable == true
	d.remediation == expected_plan
}
