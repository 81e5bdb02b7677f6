# Cloud Run services must not run as the Compute Engine default service account.
#
# Reports services whose revision template names no service account (so revisions run as the Compute Engine default account) or names that account.
package enforcer.policies.run_services_disallow_default_service_account

import data.enforcer.lib.resource

metadata := {
	"id": "run_services_disallow_default_service_account",
	"title": "Cloud Run services must not run as the Compute Engine default service account",
	"description": "Reports services whose revision template names no service account (so revisions run as the Compute Engine default account) or names that account.",
	"applies_to": [
		"run.googleapis.com/Service"
	],
	"severity": "MEDIUM",
	"error_code": "RUN-003",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": []
}

account := object.get(input.resource, ["template", "serviceAccount"], "")

violations contains "revisions run as the Compute Engine default service account" if account == ""

violations contains "revisions run as the Compute Engine default service account" if resource.is_default_compute_sa(account)
