# Dataproc clusters must not run as the default service account.
#
# Reports clusters without an explicit service account (they run as the Compute Engine default account) or that name the default account.
package enforcer.policies.dataproc_clusters_disallow_default_serviceaccount

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "dataproc_clusters_disallow_default_serviceaccount",
	"title": "Dataproc clusters must not run as the default service account",
	"description": "Reports clusters without an explicit service account (they run as the Compute Engine default account) or that name the default account.",
	"applies_to": [
		"dataproc.googleapis.com/Cluster"
	],
	"severity": "HIGH",
	"error_code": "DP-001",
	"remediable": true,
	"destructive": true,
	"fix": "Deletes the cluster (destructive: only when allow_destructive is on), pinned to its clusterUuid, which is also the idempotent requestId.",
	"references": []
}

account := object.get(input.resource, ["config", "gceClusterConfig", "serviceAccount"], "")

violations contains "the cluster runs as the Compute Engine default service account" if account == ""

violations contains "the cluster runs as the Compute Engine default service account" if resource.is_default_compute_sa(account)

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
