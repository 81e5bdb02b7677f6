# Dataproc clusters must use images from approved projects.
#
# Reports clusters whose master image does not come from a project listed in data.config.dataproc.approved_image_projects; an empty list turns the check off. (Corrects the seed, whose description was copied from a Cloud SQL policy.)
package enforcer.policies.dataproc_clusters_require_approved_image

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "dataproc_clusters_require_approved_image",
	"title": "Dataproc clusters must use images from approved projects",
	"description": "Reports clusters whose master image does not come from a project listed in data.config.dataproc.approved_image_projects; an empty list turns the check off. (Corrects the seed, whose description was copied from a Cloud SQL policy.)",
	"applies_to": [
		"dataproc.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "DP-003",
	"remediable": true,
	"destructive": true,
	"fix": "Deletes the cluster (destructive: only when allow_destructive is on), pinned to its clusterUuid, which is also the idempotent requestId.",
	"references": []
}

approved := object.get(data.config, ["dataproc", "approved_image_projects"], [])

from_approved(image) if {
	some project in approved
	indexof(image, sprintf("projects/%s/", [project])) >= 0
}

violations contains msg if {
	count(approved) > 0
	image := object.get(input.resource, ["config", "masterConfig", "imageUri"], "")
	not from_approved(image)
	msg := sprintf("master image %s is not from an approved project", [image])
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
