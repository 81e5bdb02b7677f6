# IAM policy helpers shared by every policy that inspects or rewrites an IAM
# policy. Rewrites keep everything they were not asked to change: binding
# conditions, other members, audit configs, the etag (so a concurrent change
# makes the write fail instead of being overwritten) and the policy version.
package enforcer.lib.iam

public_members := {"allUsers", "allAuthenticatedUsers"}

bindings(policy) := object.get(policy, "bindings", [])

# [role, member] pairs whose member is in `wanted`.
grants(policy, wanted) := {[binding.role, member] |
	some binding in bindings(policy)
	some member in object.get(binding, "members", [])
	member in wanted
}

# [role, member] pairs whose role is in `roles`.
grants_of_roles(policy, roles) := {[binding.role, member] |
	some binding in bindings(policy)
	binding.role in roles
	some member in object.get(binding, "members", [])
}

# The policy without the given members. Bindings left without members are
# dropped; every other field of each binding (role, condition) is kept.
without_members(policy, drop) := rewritten(policy, [b |
	some binding in bindings(policy)
	kept := [m | some m in object.get(binding, "members", []); not m in drop]
	count(kept) > 0
	b := object.union(binding, {"members": kept})
])

# The policy without the given [role, member] pairs.
without_grants(policy, drop) := rewritten(policy, [b |
	some binding in bindings(policy)
	kept := [m | some m in object.get(binding, "members", []); not [binding.role, m] in drop]
	count(kept) > 0
	b := object.union(binding, {"members": kept})
])

rewritten(policy, new_bindings) := object.union(policy, {
	"bindings": new_bindings,
	"version": version(policy, new_bindings),
})

# Conditional bindings require policy version 3 on write.
version(policy, new_bindings) := 3 if {
	some binding in new_bindings
	binding.condition
} else := object.get(policy, "version", 1)

# A human description of a grant, for violation messages.
describe(grant) := sprintf("%s is granted %s", [grant[1], grant[0]])
