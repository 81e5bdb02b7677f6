package enforcer.tests.dns_managed_zones_require_dnssec

import data.enforcer
import data.enforcer.policies.dns_managed_zones_require_dnssec as policy

compliant_input := {
	"type": "dns.googleapis.com/ManagedZone",
	"name": "//dns.googleapis.com/projects/my-project/managedZones/example-com",
	"resource": {
		"name": "example-com",
		"dnsName": "example.com.",
		"visibility": "public",
		"labels": {},
		"dnssecConfig": {
			"state": "on"
		}
	}
}

noncompliant_input := {
	"type": "dns.googleapis.com/ManagedZone",
	"name": "//dns.googleapis.com/projects/my-project/managedZones/example-com",
	"resource": {
		"name": "example-com",
		"dnsName": "example.com.",
		"visibility": "public",
		"labels": {},
		"dnssecConfig": {
			"state": "off"
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
				"managedZone": "example-com",
				"body": {
					"dnssecConfig": {
						"state": "on"
					}
				}
			}
		}
	]
}

excluded_input := {
	"type": "dns.googleapis.com/ManagedZone",
	"name": "//dns.googleapis.com/projects/my-project/managedZones/example-com",
	"resource": {
		"name": "example-com",
		"dnsName": "example.com.",
		"visibility": "public",
		"labels": {
			"forseti-enforcer": "disable"
		},
		"dnssecConfig": {
			"state": "off"
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
	d.policy_id == "dns_managed_zones_require_dnssec"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "DNS-001"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input
	some d in found
	d.policy_id == "dns_managed_zones_require_dnssec"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input
	some d in found
	d.policy_id == "dns_managed_zones_require_dnssec"
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
	d.policy_id == "dns_managed_zones_require_dnssec"
	d.remediable == true
	d.remediation == expected_plan
}

test_no_plan_for_compliant_input if {
	not policy.remediation with input as compliant_input
}

test_private_zones_are_skipped if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"visibility": "private"}})
}
