# Three topics carry work; each has a dead-letter topic where undeliverable messages are kept.
#   audit events: the organization log sink and the sweep scheduler publish; Eventarc delivers to evaluate.
#   remediations: evaluate publishes plans; Eventarc delivers to remediate.
#   findings:     every decision, for other tools (SIEM, dashboards); a pull subscription keeps them.
# Dead-letter topics are labelled role=dead-letter; each has a pull subscription so nothing is lost.

locals {
  pubsub_service_agent = "serviceAccount:service-${data.google_project.host.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_pubsub_topic" "audit_events" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-audit-events"
  message_retention_duration = "86400s"
  labels                     = { app = var.name_prefix, role = "work" }
  depends_on                 = [google_project_service.required]
}

resource "google_pubsub_topic" "audit_events_dead_letter" {
  project    = var.project_id
  name       = "${var.name_prefix}-audit-events-dead-letter"
  labels     = { app = var.name_prefix, role = "dead-letter" }
  depends_on = [google_project_service.required]
}

resource "google_pubsub_topic" "remediations" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-remediations"
  message_retention_duration = "86400s"
  labels                     = { app = var.name_prefix, role = "work" }
  depends_on                 = [google_project_service.required]
}

resource "google_pubsub_topic" "remediations_dead_letter" {
  project    = var.project_id
  name       = "${var.name_prefix}-remediations-dead-letter"
  labels     = { app = var.name_prefix, role = "dead-letter" }
  depends_on = [google_project_service.required]
}

resource "google_pubsub_topic" "findings" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-findings"
  message_retention_duration = "86400s"
  labels                     = { app = var.name_prefix, role = "work" }
  depends_on                 = [google_project_service.required]
}

resource "google_pubsub_topic" "findings_dead_letter" {
  project    = var.project_id
  name       = "${var.name_prefix}-findings-dead-letter"
  labels     = { app = var.name_prefix, role = "dead-letter" }
  depends_on = [google_project_service.required]
}

# Findings are for other tools: this pull subscription holds them for a week for whoever reads them.
resource "google_pubsub_subscription" "findings_export" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-findings-export"
  topic                      = google_pubsub_topic.findings.id
  ack_deadline_seconds       = 60
  message_retention_duration = "604800s"
  labels                     = { app = var.name_prefix }

  expiration_policy {
    ttl = ""
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.findings_dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }
}

# Dead letters are kept for a week in pull subscriptions that never expire.
resource "google_pubsub_subscription" "dead_letters" {
  for_each = {
    audit_events = google_pubsub_topic.audit_events_dead_letter.id
    remediations = google_pubsub_topic.remediations_dead_letter.id
    findings     = google_pubsub_topic.findings_dead_letter.id
  }

  project                    = var.project_id
  name                       = "${var.name_prefix}-${replace(each.key, "_", "-")}-dead-letters"
  topic                      = each.value
  message_retention_duration = "604800s"
  labels                     = { app = var.name_prefix, role = "dead-letter" }

  expiration_policy {
    ttl = ""
  }
}

# Pub/Sub forwards undeliverable messages as its own service agent: it must publish to the
# dead-letter topics and acknowledge on the source subscriptions.
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  for_each = {
    audit_events = google_pubsub_topic.audit_events_dead_letter.id
    remediations = google_pubsub_topic.remediations_dead_letter.id
    findings     = google_pubsub_topic.findings_dead_letter.id
  }

  project = var.project_id
  topic   = each.value
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_service_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_source" {
  for_each = {
    evaluate        = local.dead_letter_attachments.evaluate.subscription
    remediate       = local.dead_letter_attachments.remediate.subscription
    findings_export = google_pubsub_subscription.findings_export.id
  }

  project      = var.project_id
  subscription = each.value
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_service_agent
}

# Who may publish where.
resource "google_pubsub_topic_iam_member" "sink_publishes_audit_events" {
  project = var.project_id
  topic   = google_pubsub_topic.audit_events.id
  role    = "roles/pubsub.publisher"
  member  = google_logging_organization_sink.audit_events.writer_identity
}

resource "google_pubsub_topic_iam_member" "evaluate_publishes_remediations" {
  project = var.project_id
  topic   = google_pubsub_topic.remediations.id
  role    = "roles/pubsub.publisher"
  member  = google_service_account.evaluate.member
}

# The sweep runs in batches: evaluate publishes one evaluation request per resource, and the next batch, back to
# the audit-events topic.
resource "google_pubsub_topic_iam_member" "evaluate_publishes_sweep_batches" {
  project = var.project_id
  topic   = google_pubsub_topic.audit_events.id
  role    = "roles/pubsub.publisher"
  member  = google_service_account.evaluate.member
}

resource "google_pubsub_topic_iam_member" "findings_publishers" {
  for_each = {
    evaluate  = google_service_account.evaluate.member
    remediate = google_service_account.remediate.member
  }

  project = var.project_id
  topic   = google_pubsub_topic.findings.id
  role    = "roles/pubsub.publisher"
  member  = each.value
}
