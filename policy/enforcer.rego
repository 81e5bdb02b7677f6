# Entrypoints the enforcer queries.
#
#   data.enforcer.decisions  one decision per policy that applies to input.type
#                            (one query per resource; see README.md)
#   data.enforcer.catalog    every policy's metadata, sorted by id
#
# Only the policies whose metadata lists input.type are evaluated: their ids come
# from data.index (generated from every policy's `metadata`) and their rules are
# reached through data.enforcer.policies[id], never by walking the whole data
# document or evaluating every policy's metadata on each query.
package enforcer

import data.enforcer.lib.exclusions

# Ids of the enabled policies that apply to the input's type, from the index
# generated from every policy's metadata (index/data.json; `enforcer policies
# index` writes it, and test_index_matches_metadata fails when it is stale).
applicable contains id if {
	some id in object.get(data.index.by_type, input.type, [])
	not disabled(id)
}

disabled(id) if data.config.policies[id].enabled == false

decisions := [decision(id) | some id in sort(applicable)]

decision(id) := object.union(core, remediation_part(id, compliant, excluded, remediable)) if {
	meta := data.index.policies[id]
	found := violations(id)
	compliant := count(found) == 0
	excluded := is_excluded(id)
	remediable := can_remediate(meta)
	core := {
		"policy_id": id,
		"title": meta.title,
		"compliant": compliant,
		"excluded": excluded,
		"severity": meta.severity,
		"error_code": meta.error_code,
		"message": concat("; ", sort(found)),
		"remediable": remediable,
	}
}

# A policy without a violations set fails closed: it reports a violation.
violations(id) := found if {
	found := data.enforcer.policies[id].violations
} else := {"policy defines no violations set (failing closed)"}

# A plan is attached only to non-compliant, non-excluded decisions.
remediation_part(id, compliant, excluded, remediable) := {"remediation": fix} if {
	not compliant
	not excluded
	remediable
	fix := data.enforcer.policies[id].remediation
} else := {}

can_remediate(meta) := true if {
	meta.remediable == true
	destructive_ok(meta)
} else := false

destructive_ok(meta) if meta.destructive != true

destructive_ok(_) if data.config.remediation.allow_destructive == true

# Global exclusions are the same for every policy: computed once per query.
default excluded_globally := false

excluded_globally if exclusions.matches(data.config.exclusions)

is_excluded(id) := true if {
	excluded_for(id)
} else := false

excluded_for(_) if excluded_globally

excluded_for(id) if exclusions.matches(data.config.policies[id].exclusions)

excluded_for(id) if exclusions.excepted(id)

# The index, recomputed from the policies' metadata (what index/data.json must hold).
index_from_metadata := {
	"by_type": {t: ids |
		some t in {t | some meta in metadata_by_id; some t in meta.applies_to}
		ids := sort([id | some id, meta in metadata_by_id; t in meta.applies_to])
	},
	"policies": {id: object.filter(meta, index_fields) | some id, meta in metadata_by_id},
}

index_fields := {"title", "severity", "error_code", "remediable", "destructive"}

# Every policy's metadata, keyed by id and as a list sorted by id.
metadata_by_id[id] := meta if {
	some id
	meta := data.enforcer.policies[id].metadata
}

catalog := [metadata_by_id[id] | some id in sort(object.keys(metadata_by_id))]
