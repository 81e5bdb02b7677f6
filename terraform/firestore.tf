resource "google_firestore_database" "enforcer" {
  project                 = var.project_id
  name                    = var.firestore_database
  location_id             = local.firestore_location
  type                    = "FIRESTORE_NATIVE"
  concurrency_mode        = "OPTIMISTIC"
  delete_protection_state = var.deletion_protection ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED"
  # With protection on, destroy leaves the data in place; without it, destroy deletes the database.
  deletion_policy = var.deletion_protection ? "ABANDON" : "DELETE"

  depends_on = [google_project_service.required]
}

# Retention: Firestore deletes a record once its expire_at timestamp has passed. The field is
# excluded from single-field indexing, as Firestore recommends for TTL fields.
resource "google_firestore_field" "expire_at" {
  for_each = toset(["events", "evaluations", "violations", "remediations"])

  project    = var.project_id
  database   = google_firestore_database.enforcer.name
  collection = each.value
  field      = "expire_at"

  ttl_config {}

  index_config {}
}

# Composite indexes the History queries need (Enforcer.Hosting.Storage.FirestoreIndexes.Required;
# Enforcer.Deploy.Tests checks that the two lists match).

# Events that touched a resource, newest first.
resource "google_firestore_index" "events_by_resource" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "events"
  query_scope = "COLLECTION"

  fields {
    field_path   = "resource_names"
    array_config = "CONTAINS"
  }

  fields {
    field_path = "received_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}
