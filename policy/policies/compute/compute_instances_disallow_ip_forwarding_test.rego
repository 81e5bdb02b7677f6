package enforcer.tests.compute_instances_disallow_ip_forwarding

import data.enforcer
import data.enforcer.policies.compute_instances_disallow_ip_forwarding as policy

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
		"canIpForward": true
	}
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
		"canIpForward": true
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
	d.policy_id == "compute_instances_disallow_ip_forwarding"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "GCE-013"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "compute_instances_disallow_ip_forwarding"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "compute_instances_disallow_ip_forwarding"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "compute_instances_disallow_ip_forwarding"
	d.remediable == false
}

test_gke_nodes_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"labels": {"goog-gke-node": ""}}})
}
