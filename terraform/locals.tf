locals {
  firestore_location = var.firestore_location != "" ? var.firestore_location : var.region
  image_base         = "${var.region}-docker.pkg.dev/${var.project_id}/${var.artifact_repository}"

  images = {
    evaluate  = "${local.image_base}/evaluate:${var.image_tag}"
    remediate = "${local.image_base}/remediate:${var.image_tag}"
    history   = "${local.image_base}/history:${var.image_tag}"
    opa       = "${local.image_base}/opa:${var.image_tag}"
  }

  # Custom role ids allow letters, digits, dots and underscores only.
  role_prefix = replace(var.name_prefix, "-", "_")

  # Permission lists live in JSON files so that tests can compare them with the resource catalog.
  reader_permission_file = jsondecode(file("${path.module}/permissions/resource-reader.json"))
  writer_permission_file = jsondecode(file("${path.module}/permissions/resource-writer.json"))
  reader_permissions     = sort(distinct(concat(local.reader_permission_file.catalog, keys(local.reader_permission_file.extra))))
  writer_permissions     = sort(distinct(concat(local.writer_permission_file.catalog, keys(local.writer_permission_file.extra))))

  # Admin Activity audit entries that change something; reads and failed calls are left out.
  log_sink_filter = join(" AND ", concat(
    [
      "logName:\"/logs/cloudaudit.googleapis.com%2Factivity\"",
      "protoPayload.\"@type\"=\"type.googleapis.com/google.cloud.audit.AuditLog\"",
      "severity<ERROR",
      "protoPayload.methodName:(\"create\" OR \"insert\" OR \"update\" OR \"patch\" OR \"set\" OR \"delete\" OR \"enable\" OR \"disable\" OR \"activate\" OR \"debug\" OR \"expand\")",
    ],
    [for clause in var.log_sink_exclusions : "NOT ${clause}"],
  ))

  # Eventarc creates and owns the subscription behind each Pub/Sub trigger, so Terraform cannot set
  # its dead-letter policy; terraform/scripts/attach-dead-letter.sh applies these after every apply.
  dead_letter_attachments = {
    evaluate = {
      subscription          = google_eventarc_trigger.evaluate.transport[0].pubsub[0].subscription
      dead_letter_topic     = google_pubsub_topic.audit_events_dead_letter.id
      max_delivery_attempts = var.max_delivery_attempts
    }
    remediate = {
      subscription          = google_eventarc_trigger.remediate.transport[0].pubsub[0].subscription
      dead_letter_topic     = google_pubsub_topic.remediations_dead_letter.id
      max_delivery_attempts = var.max_delivery_attempts
    }
  }

  # What the functions read from their environment (see docs/deploy.md, "Configuration").
  common_env = {
    GOOGLE_CLOUD_PROJECT = var.project_id
    ENFORCER_STORE       = "firestore"
    FIRESTORE_DATABASE   = var.firestore_database
  }

  enforcement_env = {
    ENFORCER_POLICY_ENGINE                 = "opa"
    OPA_URL                                = google_cloud_run_v2_service.opa.uri
    ENFORCER_ENFORCE                       = tostring(var.enforce)
    ENFORCER_ENFORCEMENT_DELAY_SECONDS     = tostring(var.enforcement_delay_seconds)
    ENFORCER_SEVERITY_THRESHOLD            = var.severity_threshold
    ENFORCER_DRY_RUN_POLICIES              = join(",", var.dry_run_policies)
    ENFORCER_MAX_REMEDIATIONS_PER_RESOURCE = tostring(var.max_remediations_per_resource)
    ENFORCER_REMEDIATION_WINDOW_MINUTES    = tostring(var.remediation_window_minutes)
    ENFORCER_MAX_REMEDIATIONS_PER_MINUTE   = tostring(var.max_remediations_per_minute)
    ENFORCER_RETENTION_DAYS                = tostring(var.retention_days)
    ENFORCER_FINDINGS_TOPIC                = google_pubsub_topic.findings.id
    ENFORCER_SLACK_SEVERITY                = var.slack_severity
    ENFORCER_HISTORY_URL                   = google_cloud_run_v2_service.history.uri
    ENFORCER_REMEDIATOR_ACCOUNT            = google_service_account.remediate.email
  }
}
