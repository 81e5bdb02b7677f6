# Remediation plan helpers: every plan uses the v2 step format.
package enforcer.lib.plan

plan(steps) := {"_remediation_spec": "v2", "steps": steps}

step(method, params) := {"method": method, "params": params}

# Destructive fixes (deleting a cluster, disabling a key, removing a public IP)
# are only planned when the operator opts in.
destructive_allowed if data.config.remediation.allow_destructive == true
