# GKE node pools must use Container-Optimized OS.
#
# Reports Linux node pools whose image type is not Container-Optimized OS (COS or COS_CONTAINERD). Windows node pools are not reported. Applies to each node pool rather than to its cluster, so the fix targets one pool.
package enforcer.policies.container_nodepools_require_cos_image

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "container_nodepools_require_cos_image",
	"title": "GKE node pools must use Container-Optimized OS",
	"description": "Reports Linux node pools whose image type is not Container-Optimized OS (COS or COS_CONTAINERD). Windows node pools are not reported. Applies to each node pool rather than to its cluster, so the fix targets one pool.",
	"applies_to": [
		"container.googleapis.com/NodePool"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-006",
	"remediable": true,
	"destructive": false,
	"fix": "Calls nodePools.update with imageType COS_CONTAINERD (GKE recreates the pool's nodes).",
	"references": [
		"CIS GKE 6.5.1"
	]
}

pool_ids := {
	"project": resource.project,
	"location": resource.location,
	"cluster": resource.input_segment("clusters"),
	"nodePool": resource.input_segment("nodePools"),
}

image_type := upper(object.get(input.resource, ["config", "imageType"], "COS_CONTAINERD"))

violations contains msg if {
	not image_type in {"COS", "COS_CONTAINERD"}
	not startswith(image_type, "WINDOWS")
	msg := sprintf("node image type is %s", [image_type])
}

remediation := plan.plan([plan.step("update", object.union(pool_ids, {"body": {"imageType": "COS_CONTAINERD"}}))]) if count(violations) > 0
