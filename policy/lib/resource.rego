# Facts about the resource under evaluation that several policies and the
# exclusion logic need: its labels (wherever the API keeps them), its project
# and the identifiers inside its full resource name.
package enforcer.lib.resource

# Where each asset type keeps its labels when it is not the top-level
# "labels" map. Kept in step with the resource catalog (a C# test compares them).
label_paths := {
	"sqladmin.googleapis.com/Instance": ["settings", "userLabels"],
	"container.googleapis.com/Cluster": ["resourceLabels"],
	"container.googleapis.com/NodePool": ["config", "labels"],
	"compute.googleapis.com/InstanceTemplate": ["properties", "labels"],
}

labels_path := object.get(label_paths, input.type, ["labels"])

# The resource's labels; an empty object when it has none.
labels := object.get(input.resource, labels_path, {})

# The input's full resource name split at "/", once per query: most policies
# and plans need one or more of its segments.
input_name_parts := split(input.name, "/")

# The segment that follows `collection` in the input's resource name, e.g.
# "t" for "//pubsub.googleapis.com/projects/p/topics/t" and "topics".
input_segment(collection) := input_name_parts[i + 1] if {
	some i, part in input_name_parts
	part == collection
}

# The last segment of the input's resource name.
input_short_name := input_name_parts[count(input_name_parts) - 1]

# The project identifier as written in the resource name (what the API path
# needs), else the project id the caller supplied.
project := p if {
	p := input_segment("projects")
} else := input.project

# Every way the resource's project may be named (id, number), for exclusions.
project_keys contains p if {
	is_string(input.project)
	p := input.project
}

project_keys contains p if {
	p := input_segment("projects")
}

project_keys contains p if {
	some ancestor in object.get(input, "ancestors", [])
	startswith(ancestor, "projects/")
	p := trim_prefix(ancestor, "projects/")
}

# GKE names use locations/ for regional clusters and zones/ for zonal ones;
# Compute names use zones/ or regions/.
location := [l |
	some collection in ["locations", "zones", "regions"]
	l := input_segment(collection)
][0]

# Default service accounts Google creates in every project.
is_default_compute_sa(email) if endswith(email, "-compute@developer.gserviceaccount.com")

is_default_appengine_sa(email) if endswith(email, "@appspot.gserviceaccount.com")

is_default_sa(email) if is_default_compute_sa(email)

is_default_sa(email) if is_default_appengine_sa(email)
