# Cloud Run services must not accept traffic directly from the internet.
#
# Reports services whose ingress setting is INGRESS_TRAFFIC_ALL; public services should sit behind a load balancer (and be excluded by label when they really must be public).
package enforcer.policies.run_services_restrict_ingress

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "run_services_restrict_ingress",
	"title": "Cloud Run services must not accept traffic directly from the internet",
	"description": "Reports services whose ingress setting is INGRESS_TRAFFIC_ALL; public services should sit behind a load balancer (and be excluded by label when they really must be public).",
	"applies_to": [
		"run.googleapis.com/Service"
	],
	"severity": "MEDIUM",
	"error_code": "RUN-002",
	"remediable": true,
	"destructive": false,
	"fix": "Patches ingress to INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER (updateMask ingress), sending the service etag.",
	"references": []
}

violations contains "the service accepts traffic from the internet directly" if {
	object.get(input.resource, "ingress", "INGRESS_TRAFFIC_ALL") == "INGRESS_TRAFFIC_ALL"
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"location": resource.location,
	"service": resource.input_segment("services"),
	"updateMask": "ingress",
	"body": {"ingress": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", "etag": input.resource.etag},
})]) if count(violations) > 0
