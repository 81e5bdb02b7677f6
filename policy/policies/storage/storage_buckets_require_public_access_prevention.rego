# Cloud Storage buckets must enforce public access prevention.
#
# Reports buckets whose iamConfiguration.publicAccessPrevention is not 'enforced', so a later IAM or ACL change could expose them publicly.
package enforcer.policies.storage_buckets_require_public_access_prevention

import data.enforcer.lib.plan
import data.enforcer.lib.resource

metadata := {
	"id": "storage_buckets_require_public_access_prevention",
	"title": "Cloud Storage buckets must enforce public access prevention",
	"description": "Reports buckets whose iamConfiguration.publicAccessPrevention is not 'enforced', so a later IAM or ACL change could expose them publicly.",
	"applies_to": [
		"storage.googleapis.com/Bucket"
	],
	"severity": "MEDIUM",
	"error_code": "GCS-005",
	"remediable": true,
	"destructive": false,
	"fix": "Patches iamConfiguration.publicAccessPrevention to 'enforced' (keeping the uniform bucket-level access setting), guarded by ifMetagenerationMatch.",
	"references": [
		"CIS GCP 5.1"
	]
}

violations contains "public access prevention is not enforced" if {
	input.resource.iamConfiguration.publicAccessPrevention != "enforced"
}

violations contains "public access prevention is not enforced" if {
	not input.resource.iamConfiguration.publicAccessPrevention
}

iam_configuration := object.union(
	object.filter(object.get(input.resource, "iamConfiguration", {}), {"uniformBucketLevelAccess"}),
	{"publicAccessPrevention": "enforced"},
)

remediation := plan.plan([plan.step("patch", {
	"bucket": resource.input_short_name,
	"ifMetagenerationMatch": input.resource.metageneration,
	"body": {"iamConfiguration": iam_configuration},
})]) if count(violations) > 0
