package enforcer.tests.container_nodepools_require_secure_boot

import data.enforcer
import data.enforcer.policies.container_nodepools_require_secure_boot as policy

compliant_input := {
	"type": "container.googleapis.com/NodePool",
	"name": "//container.googleapis.com/projects/my-project/locations/us-central1/clusters/prod/nodePools/pool-1",
	"project": "my-project",
	"resource": {
		"name": "pool-1",
		"config": {
			"imageType": "COS_CONTAINERD",
			"serviceAccount": "nodes@my-project.iam.gserviceaccount.com",
			"labels": {},
			"shieldedInstanceConfig": {
				"enableSecureBoot": true,
				"enableIntegrityMonitoring": true
			}
		},
		"management": {
			"autoUpgrade": true,
			"autoRepair": true
		}
	}
}

noncompliant_input := {
	"type": "container.googleapis.com/NodePool",
	"name": "//container.googleapis.com/projects/my-project/locations/us-central1/clusters/prod/nodePools/pool-1",
	"project": "my-project",
	"resource": {
		"name": "pool-1",
		"config": {
			"imageType": "COS_CONTAINERD",
			"serviceAccount": "nodes@my-project.iam.gserviceaccount.com",
			"labels": {},
			"shieldedInstanceConfig": {
				"enableSecureBoot": false
			}
		},
		"management": {
			"autoUpgrade": true,
			"autoRepair": true
		}
	}
}

excluded_input := {
	"type": "container.googleapis.com/NodePool",
	"name": "//container.googleapis.com/projects/my-project/locations/us-central1/clusters/prod/nodePools/pool-1",
	"project": "my-project",
	"resource": {
		"name": "pool-1",
		"config": {
			"imageType": "COS_CONTAINERD",
			"serviceAccount": "nodes@my-project.iam.gserviceaccount.com",
			"labels": {
				"forseti-enforcer": "disable"
			},
			"shieldedInstanceConfig": {
				"enableSecureBoot": false
			}
		},
		"management": {
			"autoUpgrade": true,
			"autoRepair": true
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
	d.policy_id == "container_nodepools_require_secure_boot"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "GKE-014"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "container_nodepools_require_secure_boot"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "container_nodepools_require_secure_boot"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "container_nodepools_require_secure_boot"
	d.remediable == false
}
