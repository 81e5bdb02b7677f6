# GKE clusters must use private nodes.
#
# Reports clusters whose nodes have external IP addresses (private nodes off). It cannot be changed in place.
package enforcer.policies.container_clusters_require_private_nodes

import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_require_private_nodes",
	"title": "GKE clusters must use private nodes",
	"description": "Reports clusters whose nodes have external IP addresses (private nodes off). It cannot be changed in place.",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "HIGH",
	"error_code": "GKE-007",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GKE 6.6.5"
	]
}

violations contains "cluster nodes have public IP addresses" if not input.resource.privateClusterConfig.enablePrivateNodes == true
