# Exclusion matching. An exclusion spec is
#   {"labels": {key: [values] | "*"}, "projects": [...], "folders": [...],
#    "resource_names": [exact name or glob]}
# and matches the input resource when any one of its parts does.
package enforcer.lib.exclusions

import data.enforcer.lib.resource

matches(spec) if label_match(spec)

matches(spec) if project_match(spec)

matches(spec) if folder_match(spec)

matches(spec) if {
	some pattern in spec.resource_names
	name_matches(pattern)
}

label_match(spec) if {
	some key, allowed in spec.labels
	value := resource.labels[key]
	value_allowed(value, allowed)
}

value_allowed(_, allowed) if allowed == "*"

value_allowed(value, allowed) if {
	is_array(allowed)
	some candidate in allowed
	candidate in {"*", value}
}

value_allowed(value, allowed) if {
	is_string(allowed)
	value == allowed
}

project_match(spec) if {
	some p in spec.projects
	format_int_or_string(p) in resource.project_keys
}

folder_match(spec) if {
	some f in spec.folders
	folder_ref(format_int_or_string(f)) in object.get(input, "ancestors", [])
}

folder_ref(f) := f if {
	startswith(f, "folders/")
} else := concat("", ["folders/", f])

# Config files may write numeric ids as numbers.
format_int_or_string(x) := x if {
	is_string(x)
} else := format_int(x, 10)

# Exact names first (the common case), then "/"-delimited globs: "*" stays
# within one path segment, "**" crosses segments.
name_matches(pattern) if pattern == input.name

name_matches(pattern) if glob.match(pattern, ["/"], input.name)

# Time-boxed exceptions: data.config.exceptions is a list of
#   {"policy_id": id or "*", "resource_names": [...], "expires": RFC 3339, "reason": text}
# excepted_policies holds the policy ids (or "*", every policy) of the unexpired exceptions that
# name the resource.
excepted_policies contains exception.policy_id if {
	some exception in object.get(data.config, "exceptions", [])
	some pattern in exception.resource_names
	name_matches(pattern)
	time.now_ns() < time.parse_rfc3339_ns(exception.expires)
}
