# Public Cloud DNS zones must enable DNSSEC.
#
# Reports public managed zones whose DNSSEC state is not 'on' (private zones are skipped).
package enforcer.policies.dns_managed_zones_require_dnssec

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "dns_managed_zones_require_dnssec",
	"title": "Public Cloud DNS zones must enable DNSSEC",
	"description": "Reports public managed zones whose DNSSEC state is not 'on' (private zones are skipped).",
	"applies_to": [
		"dns.googleapis.com/ManagedZone"
	],
	"severity": "MEDIUM",
	"error_code": "DNS-001",
	"remediable": true,
	"destructive": false,
	"fix": "Patches dnssecConfig.state to 'on' (the registrar still needs the DS record).",
	"references": [
		"CIS GCP 3.3"
	]
}

violations contains "DNSSEC is not enabled" if {
	object.get(input.resource, "visibility", "public") == "public"
	object.get(input.resource, ["dnssecConfig", "state"], "off") != "on"
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"managedZone": resource.input_segment("managedZones"),
	"body": {"dnssecConfig": {"state": "on"}},
})]) if count(violations) > 0
