# Firewall rules must not open SSH or RDP to the internet.
#
# Reports enabled ingress rules that allow 0.0.0.0/0 or ::/0 to reach TCP 22 or 3389, either listed, inside a port range, implied by a TCP rule without ports, or through protocol 'all'.
package enforcer.policies.compute_firewalls_disallow_public_management_access

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "compute_firewalls_disallow_public_management_access",
	"title": "Firewall rules must not open SSH or RDP to the internet",
	"description": "Reports enabled ingress rules that allow 0.0.0.0/0 or ::/0 to reach TCP 22 or 3389, either listed, inside a port range, implied by a TCP rule without ports, or through protocol 'all'.",
	"applies_to": [
		"compute.googleapis.com/Firewall"
	],
	"severity": "HIGH",
	"error_code": "GCE-002",
	"remediable": true,
	"destructive": false,
	"fix": "Patches the rule to disabled: true (the rule is kept so it can be reviewed and narrowed).",
	"references": [
		"CIS GCP 3.6",
		"CIS GCP 3.7"
	]
}

management_ports := {22, 3389}

world := {"0.0.0.0/0", "::/0"}

ingress if object.get(input.resource, "direction", "INGRESS") == "INGRESS"

open_to_world if {
	some range in object.get(input.resource, "sourceRanges", [])
	range in world
}

tcp(protocol) if lower(protocol) in {"tcp", "6"}

# An allowed entry exposes a port when it allows every protocol, or TCP with no
# port list, or TCP with the port listed alone or inside a range "a-b".
exposes(entry, _) if lower(entry.IPProtocol) == "all"

exposes(entry, _) if {
	tcp(entry.IPProtocol)
	not entry.ports
}

exposes(entry, port) if {
	tcp(entry.IPProtocol)
	some spec in entry.ports
	in_spec(port, spec)
}

in_spec(port, spec) if to_number(spec) == port

in_spec(port, spec) if {
	bounds := split(spec, "-")
	count(bounds) == 2
	to_number(bounds[0]) <= port
	port <= to_number(bounds[1])
}

violations contains msg if {
	ingress
	not input.resource.disabled == true
	open_to_world
	some port in management_ports
	some entry in object.get(input.resource, "allowed", [])
	exposes(entry, port)
	msg := sprintf("port %d is reachable from the internet", [port])
}

remediation := plan.plan([plan.step("patch", {
	"project": resource.project,
	"firewall": resource.input_segment("firewalls"),
	"body": {"disabled": true},
})]) if count(violations) > 0
