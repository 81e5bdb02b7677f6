# Cloud Storage buckets must keep object versions.
#
# Reports buckets without object versioning. Buckets with a retention policy are exempt: Cloud Storage does not allow versioning and a retention policy together, and the retention policy already protects objects.
package enforcer.policies.storage_buckets_require_object_versioning

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "storage_buckets_require_object_versioning",
	"title": "Cloud Storage buckets must keep object versions",
	"description": "Reports buckets without object versioning. Buckets with a retention policy are exempt: Cloud Storage does not allow versioning and a retention policy together, and the retention policy already protects objects.",
	"applies_to": [
		"storage.googleapis.com/Bucket"
	],
	"severity": "LOW",
	"error_code": "GCS-003",
	"remediable": true,
	"destructive": false,
	"fix": "Patches the bucket to enable versioning, guarded by ifMetagenerationMatch so a concurrent change fails instead of being overwritten.",
	"references": []
}

violations contains "object versioning is disabled" if {
	not versioning_enabled
	not input.resource.retentionPolicy
}

versioning_enabled if input.resource.versioning.enabled == true

remediation := plan.plan([plan.step("patch", {
	"bucket": resource.input_short_name,
	"ifMetagenerationMatch": input.resource.metageneration,
	"body": {"versioning": {"enabled": true}},
})]) if count(violations) > 0
