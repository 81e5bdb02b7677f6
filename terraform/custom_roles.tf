# Organization-level custom roles built from the resource catalog (see permissions/*.json):
# no primitive role (owner, editor, viewer) is granted anywhere in this configuration.

resource "google_organization_iam_custom_role" "resource_reader" {
  org_id      = var.organization_id
  role_id     = "${local.role_prefix}ResourceReader"
  title       = "Policy enforcer: resource reader"
  description = "Reads each catalog resource and its IAM policy, and lists resources for the sweep."
  stage       = "GA"
  permissions = local.reader_permissions
}

resource "google_organization_iam_custom_role" "resource_writer" {
  org_id      = var.organization_id
  role_id     = "${local.role_prefix}ResourceWriter"
  title       = "Policy enforcer: resource writer"
  description = "Calls the methods remediation plans may use (the catalog's allowlist)."
  stage       = "GA"
  permissions = local.writer_permissions
}

resource "google_organization_iam_member" "evaluate_reader" {
  org_id = var.organization_id
  role   = google_organization_iam_custom_role.resource_reader.name
  member = google_service_account.evaluate.member
}

# The remediator re-reads and re-evaluates before it acts, so it needs the reader role too.
resource "google_organization_iam_member" "remediate_reader" {
  org_id = var.organization_id
  role   = google_organization_iam_custom_role.resource_reader.name
  member = google_service_account.remediate.member
}

resource "google_organization_iam_member" "remediate_writer" {
  org_id = var.organization_id
  role   = google_organization_iam_custom_role.resource_writer.name
  member = google_service_account.remediate.member
}
