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

# The key that signs History's page tokens. Without it every History instance signs with its own random key, so a
# next-page request that reaches another instance (or arrives after a restart) is refused. Add a version of at least
# 32 random bytes (docs/deploy.md), then set history_page_token_key = true.
resource "google_secret_manager_secret" "page_token_key" {
  project   = var.project_id
  secret_id = "${var.name_prefix}-history-page-token-key"
  labels    = { app = var.name_prefix }

  replication {
    auto {}
  }

  depends_on = [google_project_service.required]
}

resource "google_secret_manager_secret_iam_member" "page_token_key_reader" {
  project   = var.project_id
  secret_id = google_secret_manager_secret.page_token_key.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.history.member
}
