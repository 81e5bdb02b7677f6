# Disks must be created from images in approved projects.
#
# Reports disks whose source image does not come from a project listed in data.config.compute.approved_image_projects. Blank disks and disks restored from snapshots have no source image and are not reported; an empty list turns the check off.
package enforcer.policies.compute_disks_disallow_unapproved_images

metadata := {
	"id": "compute_disks_disallow_unapproved_images",
	"title": "Disks must be created from images in approved projects",
	"description": "Reports disks whose source image does not come from a project listed in data.config.compute.approved_image_projects. Blank disks and disks restored from snapshots have no source image and are not reported; an empty list turns the check off.",
	"applies_to": [
		"compute.googleapis.com/Disk",
		"compute.googleapis.com/RegionDisk"
	],
	"severity": "MEDIUM",
	"error_code": "GCE-001",
	"remediable": false,
	"destructive": false,
	"fix": "None: the violation is reported for a person to fix.",
	"references": []
}

approved := object.get(data.config, ["compute", "approved_image_projects"], [])

from_approved(image) if {
	some project in approved
	contains_text(image, sprintf("projects/%s/", [project]))
}

contains_text(s, sub) if indexof(s, sub) >= 0

violations contains msg if {
	count(approved) > 0
	image := input.resource.sourceImage
	is_string(image)
	image != ""
	not from_approved(image)
	msg := sprintf("disk was created from %s, which is not in an approved image project", [image])
}
