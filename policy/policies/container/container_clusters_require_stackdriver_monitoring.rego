# GKE clusters must send metrics to Cloud Monitoring.
#
# Reports clusters whose monitoringService is not Cloud Monitoring (monitoring.googleapis.com...).
package enforcer.policies.container_clusters_require_stackdriver_monitoring

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_require_stackdriver_monitoring",
	"title": "GKE clusters must send metrics to Cloud Monitoring",
	"description": "Reports clusters whose monitoringService is not Cloud Monitoring (monitoring.googleapis.com...).",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-004",
	"remediable": true,
	"destructive": false,
	"fix": "Calls setMonitoring with monitoringService monitoring.googleapis.com/kubernetes.",
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
	service := object.get(input.resource, "monitoringService", "none")
	not startswith(service, "monitoring.googleapis.com")
	msg := sprintf("cluster monitoring service is %s", [service])
}

remediation := plan.plan([plan.step("setMonitoring", object.union(cluster_ids, {"body": {
	"monitoringService": "monitoring.googleapis.com/kubernetes",
}}))]) if count(violations) > 0
