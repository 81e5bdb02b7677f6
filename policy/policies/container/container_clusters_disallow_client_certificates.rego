# GKE clusters must not issue client certificates.
#
# Reports clusters that issued a legacy client certificate for control-plane authentication.
package enforcer.policies.container_clusters_disallow_client_certificates

import data.enforcer.lib.resource

metadata := {
	"id": "container_clusters_disallow_client_certificates",
	"title": "GKE clusters must not issue client certificates",
	"description": "Reports clusters that issued a legacy client certificate for control-plane authentication.",
	"applies_to": [
		"container.googleapis.com/Cluster"
	],
	"severity": "LOW",
	"error_code": "GKE-012",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": [
		"CIS GKE 6.8.2"
	]
}

violations contains "a legacy client certificate is issued" if input.resource.masterAuth.clientCertificateConfig.issueClientCertificate == true
