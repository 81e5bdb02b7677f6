# Cloud SQL helpers: database engine, flags, and the settings patch that sends
# settingsVersion so a concurrent settings change makes the patch fail.
package enforcer.lib.sql

import data.enforcer.lib.plan
import data.enforcer.lib.resource

database_version := object.get(input.resource, "databaseVersion", "")

is_mysql if startswith(database_version, "MYSQL")

is_postgres if startswith(database_version, "POSTGRES")

is_sqlserver if startswith(database_version, "SQLSERVER")

is_replica if input.resource.instanceType == "READ_REPLICA_INSTANCE"

is_replica if input.resource.masterInstanceName

flags := object.get(input.resource, ["settings", "databaseFlags"], [])

flag(name) := f.value if {
	some f in flags
	f.name == name
}

# The flag list with one flag set; every other flag is kept.
flags_with(name, value) := array.concat([f | some f in flags; f.name != name], [{"name": name, "value": value}])

version_part := {"settingsVersion": v} if {
	v := input.resource.settings.settingsVersion
} else := {}

patch_settings(settings) := plan.step("patch", {
	"project": resource.project,
	"instance": resource.input_segment("instances"),
	"body": {"settings": object.union(settings, version_part)},
})
