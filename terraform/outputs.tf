output "history_url" {
  description = "Base URL of the History API (call it with an identity token of a history_invokers member)."
  value       = google_cloud_run_v2_service.history.uri
}

output "opa_url" {
  description = "URL of the OPA service the functions query."
  value       = google_cloud_run_v2_service.opa.uri
}

output "audit_events_topic" {
  description = "Topic that receives audit-log entries and sweep requests; publish evaluation requests here."
  value       = google_pubsub_topic.audit_events.id
}

output "findings_subscription" {
  description = "Pull subscription holding every decision for other tools."
  value       = google_pubsub_subscription.findings_export.id
}

output "image_repository" {
  description = "Artifact Registry path the images are pushed to."
  value       = local.image_base
}

output "service_accounts" {
  description = "The identity of each component."
  value = {
    evaluate  = google_service_account.evaluate.email
    remediate = google_service_account.remediate.email
    history   = google_service_account.history.email
    opa       = google_service_account.opa.email
    trigger   = google_service_account.trigger.email
  }
}

output "dead_letter_attachments" {
  description = "Eventarc-owned subscriptions and the dead-letter policy scripts/attach-dead-letter.sh gives them."
  value       = local.dead_letter_attachments
}
