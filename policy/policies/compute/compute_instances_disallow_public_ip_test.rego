package enforcer.tests.compute_instances_disallow_public_ip

import data.enforcer
import data.enforcer.policies.compute_instances_disallow_public_ip as policy

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
				"accessConfigs": [
					{
						"name": "External NAT",
						"type": "ONE_TO_ONE_NAT",
						"natIP": "203.0.113.9"
					}
				]
			}
		],
		"canIpForward": false
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "deleteAccessConfig",
			"params": {
				"project": "my-project",
				"zone": "us-central1-a",
				"instance": "vm1",
				"networkInterface": "nic0",
				"accessConfig": "External NAT"
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
				"accessConfigs": [
					{
						"name": "External NAT",
						"type": "ONE_TO_ONE_NAT",
						"natIP": "203.0.113.9"
					}
				]
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
	d.policy_id == "compute_instances_disallow_public_ip"
	d.compliant == false
	d.excluded == false
	d.severity == "HIGH"
	d.error_code == "GCE-012"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "compute_instances_disallow_public_ip"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "compute_instances_disallow_public_ip"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_destructive_plan_needs_opt_in if {
	not policy.remediation with input as noncompliant_input
	found := enforcer.decisions with input as noncompliant_input
	some d in found
	d.policy_id == "compute_instances_disallow_public_ip"
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
	d.policy_id == "compute_instances_disallow_public_ip"
	d.remediable == true
	d.remediation == expected_plan
}

test_gke_nodes_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"labels": {"goog-gke-node": ""}}})
}
