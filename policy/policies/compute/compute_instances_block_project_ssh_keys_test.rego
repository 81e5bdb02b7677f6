package enforcer.tests.compute_instances_block_project_ssh_keys

import data.enforcer
import data.enforcer.policies.compute_instances_block_project_ssh_keys as policy

compliant_input := {
	"type": "compute.googleapis.com/Instance",
	"name": "//compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm1",
	"project": "my-project",
	"resource": {
		"name": "vm1",
		"labels": {},
		"labelFingerprint": "lf",
		"serviceAccounts": [
			{
				"email": "vm1-runner@my-project.iam.gserviceaccount.com",
				"scopes": [
					"https://www.googleapis.com/auth/cloud-platform"
				]
			}
		],
		"metadata": {
			"fingerprint": "mf",
			"items": [
				{
					"key": "startup-script",
					"value": "echo hi"
				},
				{
					"key": "enable-oslogin",
					"value": "TRUE"
				},
				{
					"key": "block-project-ssh-keys",
					"value": "true"
				}
			]
		},
		"shieldedInstanceConfig": {
			"enableSecureBoot": true,
			"enableVtpm": true,
			"enableIntegrityMonitoring": true
		},
		"networkInterfaces": [
			{
				"name": "nic0",
				"network": "default"
			}
		],
		"canIpForward": false
	}
}

noncompliant_input := {
	"type": "compute.googleapis.com/Instance",
	"name": "//compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm1",
	"project": "my-project",
	"resource": {
		"name": "vm1",
		"labels": {},
		"labelFingerprint": "lf",
		"serviceAccounts": [
			{
				"email": "vm1-runner@my-project.iam.gserviceaccount.com",
				"scopes": [
					"https://www.googleapis.com/auth/cloud-platform"
				]
			}
		],
		"metadata": {
			"fingerprint": "mf",
			"items": [
				{
					"key": "startup-script",
					"value": "echo hi"
				}
			]
		},
		"shieldedInstanceConfig": {
			"enableSecureBoot": true,
			"enableVtpm": true,
			"enableIntegrityMonitoring": true
		},
		"networkInterfaces": [
			{
				"name": "nic0",
				"network": "default"
			}
		],
		"canIpForward": false
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "setMetadata",
			"params": {
				"project": "my-project",
				"zone": "us-central1-a",
				"instance": "vm1",
				"body": {
					"fingerprint": "mf",
					"items": [
						{
							"key": "startup-script",
							"value": "echo hi"
						},
						{
							"key": "block-project-ssh-keys",
							"value": "true"
						}
					]
				}
			}
		}
	]
}

excluded_input := {
	"type": "compute.googleapis.com/Instance",
	"name": "//compute.googleapis.com/projects/my-project/zones/us-central1-a/instances/vm1",
	"project": "my-project",
	"resource": {
		"name": "vm1",
		"labels": {
			"forseti-enforcer": "disable"
		},
		"labelFingerprint": "lf",
		"serviceAccounts": [
			{
				"email": "vm1-runner@my-project.iam.gserviceaccount.com",
				"scopes": [
					"https://www.googleapis.com/auth/cloud-platform"
				]
			}
		],
		"metadata": {
			"fingerprint": "mf",
			"items": [
				{
					"key": "startup-script",
					"value": "echo hi"
				}
			]
		},
		"shieldedInstanceConfig": {
			"enableSecureBoot": true,
			"enableVtpm": true,
			"enableIntegrityMonitoring": true
		},
		"networkInterfaces": [
			{
				"name": "nic0",
				"network": "default"
			}
		],
		"canIpForward": false
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
	d.policy_id == "compute_instances_block_project_ssh_keys"
	d.compliant == false
	d.excluded == false
	d.severity == "LOW"
	d.error_code == "GCE-010"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "compute_instances_block_project_ssh_keys"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "compute_instances_block_project_ssh_keys"
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
	d.policy_id == "compute_instances_block_project_ssh_keys"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_gke_nodes_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"labels": {"goog-gke-node": ""}}})
}
