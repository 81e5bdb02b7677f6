# Dataproc clusters must enable Kerberos.
#
# Reports clusters without Kerberos (secure mode) enabled.
package enforcer.policies.dataproc_clusters_require_kerberos

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "dataproc_clusters_require_kerberos",
	"title": "Dataproc clusters must enable Kerberos",
	"description": "Reports clusters without Kerberos (secure mode) enabled.",
	"applies_to": [
		"dataproc.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "DP-005",
	"remediable": true,
	"destructive": true,
	"fix": "Deletes the cluster (destructive: only when allow_destructive is on), pinned to its clusterUuid, which is also the idempotent requestId.",
	"references": []
}

violations contains "Kerberos is not enabled" if not input.resource.config.securityConfig.kerberosConfig.enableKerberos == true

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
