package enforcer.tests.dataproc_clusters_disallow_extended_use

import data.enforcer
import data.enforcer.policies.dataproc_clusters_disallow_extended_use as policy

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
				"stateStartTime": "2026-03-20T00:00:00Z"
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

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input with time.now_ns as 1775001600000000000
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 1 with input as noncompliant_input with time.now_ns as 1775001600000000000
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input with time.now_ns as 1775001600000000000
	some d in found
	d.policy_id == "dataproc_clusters_disallow_extended_use"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "DP-002"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input with time.now_ns as 1775001600000000000
	some d in found
	d.policy_id == "dataproc_clusters_disallow_extended_use"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input with time.now_ns as 1775001600000000000
	some d in found
	d.policy_id == "dataproc_clusters_disallow_extended_use"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input with time.now_ns as 1775001600000000000
	found := enforcer.decisions with input as noncompliant_input with time.now_ns as 1775001600000000000
	some d in found
	d.policy_id == "dataproc_clusters_disallow_extended_use"
	d.remediable == false
}

test_young_cluster_is_compliant if {
	count(policy.violations) == 0 with input as noncompliant_input with time.now_ns as 1767312000000000000
}

test_cluster_still_creating_uses_current_state_time if {
	count(policy.violations) == 1 with input as object.union(json.remove(noncompliant_input, ["resource/statusHistory"]), {"resource": {"status": {"state": "CREATING", "stateStartTime": "2026-01-01T00:00:00Z"}}})
		with time.now_ns as 1775001600000000000
}
