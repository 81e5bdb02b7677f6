# Memorystore for Redis instances must require AUTH.
#
# Reports Redis instances that accept commands without the AUTH string.
package enforcer.policies.redis_instances_require_auth

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "redis_instances_require_auth",
	"title": "Memorystore for Redis instances must require AUTH",
	"description": "Reports Redis instances that accept commands without the AUTH string.",
	"applies_to": [
		"redis.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "REDIS-001",
	"remediable": true,
	"destructive": false,
	"fix": "Patches authEnabled to true (updateMask authEnabled); clients then need the instance's AUTH string.",
	"references": []
}

violations contains "Redis AUTH is disabled" if not input.resource.authEnabled == true

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"location": resource.location,
	"instance": resource.input_segment("instances"),
	"updateMask": "authEnabled",
	"body": {"authEnabled": true},
})]) if count(violations) > 0
