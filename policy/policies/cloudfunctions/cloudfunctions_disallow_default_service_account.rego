# Cloud Functions must not run as a default service account.
#
# Reports functions that run as the App Engine default service account (1st gen) or the Compute Engine default service account (2nd gen), or with no explicit service account; both default accounts hold the broad Editor role in many projects.
package enforcer.policies.cloudfunctions_disallow_default_service_account

import data.enforcer.lib.resource

metadata := {
	"id": "cloudfunctions_disallow_default_service_account",
	"title": "Cloud Functions must not run as a default service account",
	"description": "Reports functions that run as the App Engine default service account (1st gen) or the Compute Engine default service account (2nd gen), or with no explicit service account; both default accounts hold the broad Editor role in many projects.",
	"applies_to": [
		"cloudfunctions.googleapis.com/CloudFunction",
		"cloudfunctions.googleapis.com/Function"
	],
	"severity": "MEDIUM",
	"error_code": "CF-005",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": []
}

# 1st gen keeps the identity in serviceAccountEmail, 2nd gen in serviceConfig.
identity := object.get(input.resource, "serviceAccountEmail", "") if input.type == "cloudfunctions.googleapis.com/CloudFunction"

identity := object.get(input.resource, ["serviceConfig", "serviceAccountEmail"], "") if input.type == "cloudfunctions.googleapis.com/Function"

has_identity if {
	is_string(identity)
	identity != ""
}

violations contains "the function has no explicit service account (it runs as a default one)" if not has_identity

violations contains msg if {
	resource.is_default_sa(identity)
	msg := sprintf("the function runs as the default service account %s", [identity])
}
