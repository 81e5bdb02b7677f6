# Dataproc clusters must log job driver output to Cloud Logging.
#
# Reports clusters that do not send job driver output to Cloud Logging and keep it in files (the three required cluster properties must be 'true').
package enforcer.policies.dataproc_clusters_require_job_logging

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "dataproc_clusters_require_job_logging",
	"title": "Dataproc clusters must log job driver output to Cloud Logging",
	"description": "Reports clusters that do not send job driver output to Cloud Logging and keep it in files (the three required cluster properties must be 'true').",
	"applies_to": [
		"dataproc.googleapis.com/Cluster"
	],
	"severity": "LOW",
	"error_code": "DP-004",
	"remediable": true,
	"destructive": true,
	"fix": "Deletes the cluster (destructive: only when allow_destructive is on), pinned to its clusterUuid, which is also the idempotent requestId.",
	"references": []
}

required := {"dataproc:dataproc.logging.stackdriver.enable", "dataproc:dataproc.logging.stackdriver.job.driver.enable", "dataproc:jobs.file-backed-output.enable"}

violations contains msg if {
	some key in required
	object.get(input.resource, ["config", "softwareConfig", "properties", key], "false") != "true"
	msg := sprintf("cluster property %s is not true", [key])
}

# Dataproc settings cannot be changed on a running cluster, so the only fix is
# to delete it (destructive: only with allow_destructive). clusterUuid pins the
# exact cluster and doubles as the idempotent requestId.
remediation := plan.plan([plan.step("delete", {
	"project": resource.project,
	"region": resource.location,
	"cluster": resource.input_segment("clusters"),
	"clusterUuid": input.resource.clusterUuid,
	"requestId": input.resource.clusterUuid,
})]) if {
	count(violations) > 0
	plan.destructive_allowed
}
