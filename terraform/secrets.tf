# The Slack incoming-webhook URL. Terraform creates the secret, never its value: add a version with
# gcloud (docs/deploy.md), then set slack_notifications = true.
resource "google_secret_manager_secret" "slack_webhook" {
  project   = var.project_id
  secret_id = "${var.name_prefix}-slack-webhook"
  labels    = { app = var.name_prefix }

  replication {
    auto {}
  }

  depends_on = [google_project_service.required]
}

# Evaluate alerts on new violations, remediate on quarantines and failed plans.
resource "google_secret_manager_secret_iam_member" "slack_webhook_readers" {
  for_each = {
    evaluate  = google_service_account.evaluate.member
    remediate = google_service_account.remediate.member
  }

  project   = var.project_id
  secret_id = google_secret_manager_secret.slack_webhook.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = each.value
}
