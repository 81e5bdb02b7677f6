# Tests of the entrypoints and the exclusion rules, independent of any one policy's logic.
package enforcer.tests.entrypoints

import data.enforcer

bucket := {
	"type": "storage.googleapis.com/Bucket",
	"name": "//storage.googleapis.com/tmp-scratch-1",
	"project": "web-prod",
	"ancestors": ["projects/778899", "folders/1001", "organizations/42"],
	"resource": {"name": "tmp-scratch-1", "metageneration": "1", "labels": {"team": "web"}, "versioning": {"enabled": false}},
}

versioning(decisions) := d if {
	some d in decisions
	d.policy_id == "storage_buckets_require_object_versioning"
}

test_only_policies_for_the_input_type_are_decided if {
	found := enforcer.decisions with input as bucket
	count(found) > 0
	every d in found {
		startswith(d.policy_id, "storage_buckets_")
	}
}

test_decisions_are_sorted_by_policy_id if {
	found := enforcer.decisions with input as bucket
	ids := [d.policy_id | some d in found]
	ids == sort(ids)
}

test_unknown_type_gives_empty_list if {
	found := enforcer.decisions with input as object.union(bucket, {"type": "example.googleapis.com/Widget"})
	found == []
}

test_missing_type_gives_empty_list if {
	found := enforcer.decisions with input as object.remove(bucket, ["type"])
	found == []
}

test_not_excluded_by_default if {
	d := versioning(enforcer.decisions) with input as bucket
	d.excluded == false
	d.remediation
}

test_excluded_by_project_id if {
	d := versioning(enforcer.decisions) with input as bucket with data.config.exclusions as {"projects": ["web-prod"]}
	d.excluded == true
	d.compliant == false
	not d.remediation
}

test_excluded_by_project_number_from_ancestors if {
	d := versioning(enforcer.decisions) with input as bucket with data.config.exclusions as {"projects": [778899]}
	d.excluded == true
}

test_excluded_by_folder if {
	d := versioning(enforcer.decisions) with input as bucket with data.config.exclusions as {"folders": ["1001"]}
	d.excluded == true
}

test_excluded_by_folder_reference if {
	d := versioning(enforcer.decisions) with input as bucket with data.config.exclusions as {"folders": ["folders/1001"]}
	d.excluded == true
}

test_other_folder_does_not_exclude if {
	d := versioning(enforcer.decisions) with input as bucket with data.config.exclusions as {"folders": ["2002"]}
	d.excluded == false
}

test_excluded_by_exact_name if {
	d := versioning(enforcer.decisions) with input as bucket
		with data.config.exclusions as {"resource_names": ["//storage.googleapis.com/tmp-scratch-1"]}
	d.excluded == true
}

test_excluded_by_name_glob if {
	d := versioning(enforcer.decisions) with input as bucket
		with data.config.exclusions as {"resource_names": ["//storage.googleapis.com/tmp-*"]}
	d.excluded == true
}

test_glob_star_stays_within_a_segment if {
	d := versioning(enforcer.decisions) with input as bucket
		with data.config.exclusions as {"resource_names": ["//*/tmp-scratch-1"]}
	d.excluded == true
	e := versioning(enforcer.decisions) with input as bucket
		with data.config.exclusions as {"resource_names": ["*tmp-scratch-1"]}
	e.excluded == false
}

test_excluded_by_any_label_value if {
	d := versioning(enforcer.decisions) with input as bucket with data.config.exclusions as {"labels": {"team": "*"}}
	d.excluded == true
}

test_label_with_other_value_does_not_exclude if {
	d := versioning(enforcer.decisions) with input as bucket with data.config.exclusions as {"labels": {"team": ["data"]}}
	d.excluded == false
}

test_default_exclusion_label_accepts_both_spellings if {
	disable := versioning(enforcer.decisions) with input as object.union(bucket, {"resource": {"labels": {"forseti-enforcer": "disable"}}})
	disabled := versioning(enforcer.decisions) with input as object.union(bucket, {"resource": {"labels": {"forseti-enforcer": "disabled"}}})
	disable.excluded == true
	disabled.excluded == true
}

test_per_policy_exclusion_applies_to_that_policy_only if {
	found := enforcer.decisions with input as object.union(bucket, {"iam": {"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}})
		with data.config.policies as {"storage_buckets_require_object_versioning": {"exclusions": {"projects": ["web-prod"]}}}
	some v in found
	v.policy_id == "storage_buckets_require_object_versioning"
	v.excluded == true
	some p in found
	p.policy_id == "storage_buckets_disallow_unauthenticated_public_access"
	p.excluded == false
	p.remediation
}

test_disabled_policy_is_left_out if {
	found := enforcer.decisions with input as bucket
		with data.config.policies as {"storage_buckets_require_object_versioning": {"enabled": false}}
	every d in found {
		d.policy_id != "storage_buckets_require_object_versioning"
	}
	count(found) > 0
}

exception := {
	"policy_id": "storage_buckets_require_object_versioning",
	"resource_names": ["//storage.googleapis.com/tmp-*"],
	"expires": "2026-06-01T00:00:00Z",
	"reason": "scratch bucket, deleted at the end of the quarter",
}

test_unexpired_exception_excludes if {
	d := versioning(enforcer.decisions) with input as bucket
		with data.config.exceptions as [exception]
		with time.now_ns as 1775001600000000000
	d.excluded == true
}

test_expired_exception_does_not_exclude if {
	d := versioning(enforcer.decisions) with input as bucket
		with data.config.exceptions as [exception]
		with time.now_ns as 1790000000000000000
	d.excluded == false
	d.remediation
}

test_exception_for_another_policy_does_not_exclude if {
	d := versioning(enforcer.decisions) with input as bucket
		with data.config.exceptions as [object.union(exception, {"policy_id": "storage_buckets_require_public_access_prevention"})]
		with time.now_ns as 1775001600000000000
	d.excluded == false
}

test_wildcard_exception_excludes_every_policy if {
	found := enforcer.decisions with input as bucket
		with data.config.exceptions as [object.union(exception, {"policy_id": "*"})]
		with time.now_ns as 1775001600000000000
	every d in found {
		d.excluded == true
	}
}

test_catalog_lists_every_policy_sorted if {
	ids := [m.id | some m in enforcer.catalog]
	count(ids) == count({id | some id in ids})
	ids == sort(ids)
	"storage_buckets_require_object_versioning" in ids
}

test_catalog_entries_are_metadata if {
	some m in enforcer.catalog
	m.id == "storage_buckets_require_object_versioning"
	m.error_code == "GCS-003"
	m.applies_to == ["storage.googleapis.com/Bucket"]
}

test_index_matches_metadata if {
	data.index == enforcer.index_from_metadata
}
