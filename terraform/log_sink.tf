# Every project, folder and the organization itself: Admin Activity entries that change resources.
resource "google_logging_organization_sink" "audit_events" {
  name             = "${var.name_prefix}-audit-events"
  org_id           = var.organization_id
  description      = "Resource changes for the policy enforcer."
  destination      = "pubsub.googleapis.com/${google_pubsub_topic.audit_events.id}"
  include_children = true
  filter           = local.log_sink_filter
}
