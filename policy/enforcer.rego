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
	not data.config.policies[id].enabled == false
}

decisions := [decision(id) | some id in sort(applicable)]

# Per policy only what differs between policies is computed here; what does not (exclusions,
# exceptions, whether a policy may be remediated) is computed once per query into sets of ids.
decision(id) := object.union(core, remediation_part(id, compliant, excluded, remediable)) if {
	meta := data.index.policies[id]
	found := violations(id)
	compliant := count(found) == 0
	excluded := id in excluded_ids
	remediable := id in remediable_ids
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

# Applicable policies that may be remediated: destructive fixes only when data allows them.
remediable_ids contains id if {
	some id in applicable
	meta := data.index.policies[id]
	meta.remediable == true
	meta.destructive != true
}

remediable_ids contains id if {
	data.config.remediation.allow_destructive == true
	some id in applicable
	data.index.policies[id].remediable == true
}

# Applicable policies the resource is excluded from: all of them when the global exclusions
# match; else those whose own exclusions match, or that an unexpired exception names.
default excluded_globally := false

excluded_globally if exclusions.matches(data.config.exclusions)

excluded_ids contains id if {
	excluded_globally
	some id in applicable
}

excluded_ids contains id if {
	some id, policy in object.get(data.config, "policies", {})
	id in applicable
	exclusions.matches(policy.exclusions)
}

excluded_ids contains id if {
	"*" in exclusions.excepted_policies
	some id in applicable
}

excluded_ids contains id if {
	some id in exclusions.excepted_policies
	id in applicable
}

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
