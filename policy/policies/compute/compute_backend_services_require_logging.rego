# HTTP(S) load balancer backend services must log requests.
#
# Reports HTTP, HTTPS and HTTP/2 backend services whose request logging is off.
package enforcer.policies.compute_backend_services_require_logging

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_backend_services_require_logging",
	"title": "HTTP(S) load balancer backend services must log requests",
	"description": "Reports HTTP, HTTPS and HTTP/2 backend services whose request logging is off.",
	"applies_to": [
		"compute.googleapis.com/BackendService"
	],
	"severity": "LOW",
	"error_code": "GCE-017",
	"remediable": true,
	"destructive": false,
	"fix": "Patches logConfig.enable to true, sending the backend service fingerprint.",
	"references": [
		"CIS GCP 2.16"
	]
}

violations contains "load balancer request logging is disabled" if {
	object.get(input.resource, "protocol", "HTTP") in {"HTTP", "HTTPS", "HTTP2"}
	not input.resource.logConfig.enable == true
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"backendService": resource.input_segment("backendServices"),
	"body": {"logConfig": {"enable": true}, "fingerprint": input.resource.fingerprint},
})]) if count(violations) > 0
