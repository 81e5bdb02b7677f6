# GKE control planes must restrict access to authorized networks.
#
# Reports clusters whose control plane endpoint accepts connections from any address (authorized networks off).
package enforcer.policies.container_clusters_require_master_authorized_networks

import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_require_master_authorized_networks",
	"title": "GKE control planes must restrict access to authorized networks",
	"description": "Reports clusters whose control plane endpoint accepts connections from any address (authorized networks off).",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-011",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GKE 6.6.2"
	]
}

violations contains "control plane authorized networks are off" if not input.resource.masterAuthorizedNetworksConfig.enabled == true
