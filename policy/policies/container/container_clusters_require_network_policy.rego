# GKE clusters must enforce network policies.
#
# Reports clusters with neither the network policy add-on nor GKE Dataplane V2 (which enforces network policies natively).
package enforcer.policies.container_clusters_require_network_policy

import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_require_network_policy",
	"title": "GKE clusters must enforce network policies",
	"description": "Reports clusters with neither the network policy add-on nor GKE Dataplane V2 (which enforces network policies natively).",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "MEDIUM",
	"error_code": "GKE-008",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GKE 6.6.7"
	]
}

enforced if input.resource.networkPolicy.enabled == true

enforced if input.resource.networkConfig.datapathProvider == "ADVANCED_DATAPATH"

violations contains "network policy enforcement is off" if not enforced
