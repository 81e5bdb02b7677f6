# App Engine flexible instances must not run in debug mode.
#
# Reports App Engine flexible instances with debug mode enabled (root SSH access and a modified runtime).
package enforcer.policies.appengine_instances_disallow_debug_mode

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "appengine_instances_disallow_debug_mode",
	"title": "App Engine flexible instances must not run in debug mode",
	"description": "Reports App Engine flexible instances with debug mode enabled (root SSH access and a modified runtime).",
	"applies_to": [
		"appengine.googleapis.com/Instance"
	],
	"severity": "MEDIUM",
	"error_code": "GAE-001",
	"remediable": true,
	"destructive": false,
	"fix": "Deletes the instance: App Engine replaces it with a fresh instance without debug mode, which is the only way to leave debug mode.",
	"references": []
}

violations contains "debug mode is enabled on the instance" if input.resource.vmDebugEnabled == true

remediation := plan.plan([plan.step("delete", {
	"app": resource.input_segment("apps"),
	"service": resource.input_segment("services"),
	"version": resource.input_segment("versions"),
	"instance": resource.input_segment("instances"),
})]) if count(violations) > 0
