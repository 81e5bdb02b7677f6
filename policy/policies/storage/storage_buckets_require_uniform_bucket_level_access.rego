# Cloud Storage buckets must use uniform bucket-level access.
#
# Reports buckets that still honour per-object ACLs (uniform bucket-level access disabled).
package enforcer.policies.storage_buckets_require_uniform_bucket_level_access

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "storage_buckets_require_uniform_bucket_level_access",
	"title": "Cloud Storage buckets must use uniform bucket-level access",
	"description": "Reports buckets that still honour per-object ACLs (uniform bucket-level access disabled).",
	"applies_to": [
		"storage.googleapis.com/Bucket"
	],
	"severity": "MEDIUM",
	"error_code": "GCS-004",
	"remediable": true,
	"destructive": false,
	"fix": "Patches iamConfiguration.uniformBucketLevelAccess.enabled to true (keeping the public access prevention setting), guarded by ifMetagenerationMatch.",
	"references": [
		"CIS GCP 5.2"
	]
}

violations contains "uniform bucket-level access is disabled" if {
	not input.resource.iamConfiguration.uniformBucketLevelAccess.enabled == true
}

iam_configuration := object.union(
	object.filter(object.get(input.resource, "iamConfiguration", {}), {"publicAccessPrevention"}),
	{"uniformBucketLevelAccess": {"enabled": true}},
)

remediation := plan.plan([plan.step("patch", {
	"bucket": resource.input_short_name,
	"ifMetagenerationMatch": input.resource.metageneration,
	"body": {"iamConfiguration": iam_configuration},
})]) if count(violations) > 0
