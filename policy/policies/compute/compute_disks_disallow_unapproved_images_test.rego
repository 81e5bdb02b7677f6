package enforcer.tests.compute_disks_disallow_unapproved_images

import data.enforcer
import data.enforcer.policies.compute_disks_disallow_unapproved_images as policy

compliant_input := {
	"type": "compute.googleapis.com/Disk",
	"name": "//compute.googleapis.com/projects/my-project/zones/us-central1-a/disks/d1",
	"resource": {
		"name": "d1",
		"labels": {},
		"sourceImage": "https://www.googleapis.com/compute/v1/projects/golden-images/global/images/base-v3"
	}
}

noncompliant_input := {
	"type": "compute.googleapis.com/Disk",
	"name": "//compute.googleapis.com/projects/my-project/zones/us-central1-a/disks/d1",
	"resource": {
		"name": "d1",
		"labels": {},
		"sourceImage": "https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/debian-12"
	}
}

excluded_input := {
	"type": "compute.googleapis.com/Disk",
	"name": "//compute.googleapis.com/projects/my-project/zones/us-central1-a/disks/d1",
	"resource": {
		"name": "d1",
		"labels": {
			"forseti-enforcer": "disable"
		},
		"sourceImage": "https://www.googleapis.com/compute/v1/projects/debian-cloud/global/images/debian-12"
	}
}

test_compliant_input_has_no_violations if {
	count(policy.violations) == 0 with input as compliant_input with data.config.compute as {"approved_image_projects": ["golden-images"]}
}

test_noncompliant_input_is_reported if {
	count(policy.violations) == 1 with input as noncompliant_input with data.config.compute as {"approved_image_projects": ["golden-images"]}
}

test_decision_reports_the_violation if {
	found := enforcer.decisions with input as noncompliant_input with data.config.compute as {"approved_image_projects": ["golden-images"]}
	some d in found
	d.policy_id == "compute_disks_disallow_unapproved_images"
	d.compliant == false
	d.excluded == false
	d.severity == "MEDIUM"
	d.error_code == "GCE-001"
	d.message != ""
}

test_decision_for_compliant_input if {
	found := enforcer.decisions with input as compliant_input with data.config.compute as {"approved_image_projects": ["golden-images"]}
	some d in found
	d.policy_id == "compute_disks_disallow_unapproved_images"
	d.compliant == true
	d.message == ""
	object.get(d, "remediation", null) == null
}

test_excluded_by_label_has_no_plan if {
	found := enforcer.decisions with input as excluded_input with data.config.compute as {"approved_image_projects": ["golden-images"]}
	some d in found
	d.policy_id == "compute_disks_disallow_unapproved_images"
	d.excluded == true
	d.compliant == false
	object.get(d, "remediation", null) == null
}

test_policy_offers_no_remediation if {
	not policy.remediation with input as noncompliant_input with data.config.compute as {"approved_image_projects": ["golden-images"]}
	found := enforcer.decisions with input as noncompliant_input with data.config.compute as {"approved_image_projects": ["golden-images"]}
	some d in found
	d.policy_id == "compute_disks_disallow_unapproved_images"
	d.remediable == false
}

approved_config := {"approved_image_projects": ["golden-images"]}

test_check_is_off_without_approved_projects if {
	count(policy.violations) == 0 with input as noncompliant_input with data.config.compute as {"approved_image_projects": []}
}

test_compliant_input_has_no_violations_when_configured if {
	count(policy.violations) == 0 with input as compliant_input with data.config.compute as approved_config
}

test_unapproved_image_is_reported_when_configured if {
	count(policy.violations) == 1 with input as noncompliant_input with data.config.compute as approved_config
}

test_blank_disk_is_not_reported if {
	count(policy.violations) == 0 with input as object.union(noncompliant_input, {"resource": {"sourceImage": null}}) with data.config.compute as approved_config
}
