# Dataproc clusters must not outlive their maximum age.
#
# Reports clusters created longer ago than data.config.dataproc.cluster_max_age_days (default 60) days; long-lived clusters drift from patched images. The periodic sweep re-evaluates clusters so age is noticed without a change event.
package enforcer.policies.dataproc_clusters_disallow_extended_use

metadata := {
	"id": "dataproc_clusters_disallow_extended_use",
	"title": "Dataproc clusters must not outlive their maximum age",
	"description": "Reports clusters created longer ago than data.config.dataproc.cluster_max_age_days (default 60) days; long-lived clusters drift from patched images. The periodic sweep re-evaluates clusters so age is noticed without a change event.",
	"applies_to": [
		"dataproc.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "DP-002",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": []
}

max_age_days := object.get(data.config, ["dataproc", "cluster_max_age_days"], 60)

created := s if {
	some entry in object.get(input.resource, "statusHistory", [])
	entry.state == "CREATING"
	s := entry.stateStartTime
} else := input.resource.status.stateStartTime if input.resource.status.state == "CREATING"

age_days := (time.now_ns() - time.parse_rfc3339_ns(created)) / ((24 * 3600) * 1000000000)

violations contains msg if {
	age_days > max_age_days
	msg := sprintf("the cluster is %d days old (maximum %d)", [floor(age_days), max_age_days])
}
