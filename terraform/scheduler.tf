# The periodic sweep: a request on the audit-events topic that makes evaluate list every supported
# resource in the organization (Cloud Asset Inventory) and evaluate each one.
resource "google_cloud_scheduler_job" "sweep" {
  project     = var.project_id
  region      = var.region
  name        = "${var.name_prefix}-sweep"
  description = "Periodic re-evaluation of every supported resource in the organization."
  schedule    = var.sweep_schedule
  time_zone   = "Etc/UTC"

  pubsub_target {
    topic_name = google_pubsub_topic.audit_events.id
    data = base64encode(jsonencode({
      sweep = {
        scope       = "organizations/${var.organization_id}"
        asset_types = var.sweep_asset_types
      }
    }))
    attributes = {
      kind = "sweep"
    }
  }

  depends_on = [google_project_service.required]
}
