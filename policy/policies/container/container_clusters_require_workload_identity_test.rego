package enforcer.tests.container_clusters_require_workload_identity

import data.enforcer
import data.enforcer.policies.container_clusters_require_workload_identity as policy

compliant_input := {
	"type": "container.googleapis.com/Cluster",
	"name": "//container.googleapis.com/projects/my-project/locations/us-central1/clusters/prod",
	"project": "my-project",
	"resource": {
		"name": "prod",
		"resourceLabels": {
			"env": "prod"
		},
		"addonsConfig": {
			"httpLoadBalancing": {},
			"kubernetesDashboard": {
				"disabled": true
			}
		},
		"legacyAbac": {},
		"loggingService": "logging.googleapis.com/kubernetes",
		"monitoringService": "monitoring.googleapis.com/kubernetes",
		"privateClusterConfig": {
			"enablePrivateNodes": true
		},
		"networkPolicy": {
			"enabled": true
		},
		"workloadIdentityConfig": {
			"workloadPool": "my-project.svc.id.goog"
		},
		"shieldedNodes": {
			"enabled": true
		},
		"masterAuthorizedNetworksConfig": {
			"enabled": true
		},
		"masterAuth": {
			"clientCertificateConfig": {}
		}
	}
}

noncompliant_input := {
	"type": "container.googleapis.com/Cluster",
	"name": "//container.googleapis.com/projects/my-project/locations/us-central1/clusters/prod",
	"project": "my-project",
	"resource": {
		"name": "prod",
		"resourceLabels": {
			"env": "prod"
		},
		"addonsConfig": {
			"httpLoadBalancing": {},
			"kubernetesDashboard": {
				"disabled": true
			}
		},
		"legacyAbac": {},
		"loggingService": "logging.googleapis.com/kubernetes",
		"monitoringService": "monitoring.googleapis.com/kubernetes",
		"privateClusterConfig": {
			"enablePrivateNodes": true
		},
		"networkPolicy": {
			"enabled": true
		},
		"workloadIdentityConfig": null,
		"shieldedNodes": {
			"enabled": true
		},
		"masterAuthorizedNetworksConfig": {
			"enabled": true
		},
		"masterAuth": {
			"clientCertificateConfig": {}
		}
	}
}

expected_plan := {
	"_remediation_spec": "v2",
	"steps": [
		{
			"method": "update",
			"params": {
				"project": "my-project",
				"location": "us-central1",
				"cluster": "prod",
				"body": {
					"update": {
						"desiredWorkloadIdentityConfig": {
							"workloadPool": "my-project.svc.id.goog"
						}
					}
				}
			}
		}
	]
}

excluded_input := {
	"type": "container.googleapis.com/Cluster",
	"name": "//container.googleapis.com/projects/my-project/locations/us-central1/clusters/prod",
	"project": "my-project",
	"resource": {
		"name": "prod",
		"resourceLabels": {
			"env": "prod",
			"forseti-enforcer": "disable"
		},
		"addonsConfig": {
			"httpLoadBalancing": {},
			"kubernetesDashboard": {
				"disabled": true
			}
		},
		"legacyAbac": {},
		"loggingService": "logging.googleapis.com/kubernetes",
		"monitoringService": "monitoring.googleapis.com/kubernetes",
		"privateClusterConfig": {
			"enablePrivateNodes": true
		},
		"networkPolicy": {
			"enabled": true
		},
		"workloadIdentityConfig": null,
		"shieldedNodes": {
			"enabled": true
		},
		"masterAuthorizedNetworksConfig": {
			"enabled": true
		},
		"masterAuth": {
			"clientCertificateConfig": {}
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
	d.policy_id == "container_clusters_require_workload_identity"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "GKE-009"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "container_clusters_require_workload_identity"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "container_clusters_require_workload_identity"
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
	d.policy_id == "container_clusters_require_workload_identity"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}
