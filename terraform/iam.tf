# Project- and resource-level grants. Organization-level grants (the custom roles) are in custom_roles.tf.

# Firestore: the two event functions read and write records; History only reads.
resource "google_project_iam_member" "evaluate_firestore" {
  project = var.project_id
  role    = "roles/datastore.user"
  member  = google_service_account.evaluate.member
}

resource "google_project_iam_member" "remediate_firestore" {
  project = var.project_id
  role    = "roles/datastore.user"
  member  = google_service_account.remediate.member
}

resource "google_project_iam_member" "history_firestore" {
  project = var.project_id
  role    = "roles/datastore.viewer"
  member  = google_service_account.history.member
}

# Who may call which service. Nothing here (or anywhere) names allUsers or allAuthenticatedUsers.
resource "google_cloud_run_v2_service_iam_member" "trigger_invokes_evaluate" {
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.evaluate.name
  role     = "roles/run.invoker"
  member   = google_service_account.trigger.member
}

resource "google_cloud_run_v2_service_iam_member" "trigger_invokes_remediate" {
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.remediate.name
  role     = "roles/run.invoker"
  member   = google_service_account.trigger.member
}

resource "google_cloud_run_v2_service_iam_member" "opa_invokers" {
  for_each = {
    evaluate  = google_service_account.evaluate.member
    remediate = google_service_account.remediate.member
  }

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.opa.name
  role     = "roles/run.invoker"
  member   = each.value
}

resource "google_cloud_run_v2_service_iam_member" "history_invokers" {
  for_each = toset(var.history_invokers)

  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.history.name
  role     = "roles/run.invoker"
  member   = each.value
}

# Pub/Sub mints the push tokens for the trigger account (needed in projects created before
# April 2021; harmless after). Granted on that one account, not on the project.
resource "google_service_account_iam_member" "pubsub_mints_trigger_tokens" {
  service_account_id = google_service_account.trigger.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_service_agent
}
