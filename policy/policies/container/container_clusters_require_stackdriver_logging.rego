# GKE clusters must send logs to Cloud Logging.
#
# Reports clusters whose loggingService is not Cloud Logging (logging.googleapis.com...).
package enforcer.policies.container_clusters_require_stackdriver_logging

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_require_stackdriver_logging",
	"title": "GKE clusters must send logs to Cloud Logging",
	"description": "Reports clusters whose loggingService is not Cloud Logging (logging.googleapis.com...).",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-003",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setLogging with loggingService logging.googleapis.com/kubernetes.",
	"references": [
		"CIS GKE 6.7.1"
	]
}

cluster_ids := {
	"project": resource.project,
	"location": resource.location,
	"cluster": resource.input_segment("clusters"),
}

violations contains msg if {
	service := object.get(input.resource, "loggingService", "none")
	not startswith(service, "logging.googleapis.com")
	msg := sprintf("cluster logging service is %s", [service])
}

remediation := plan.plan([plan.step("setLogging", object.union(cluster_ids, {"body": {
	"loggingService": "logging.googleapis.com/kubernetes",
}}))]) if count(violations) > 0
