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

# Retention: Firestore deletes a record once its expire_at timestamp has passed (every collection
# except quarantine, which an operator releases). The field is excluded from single-field indexing,
# as Firestore recommends for TTL fields.
resource "google_firestore_field" "expire_at" {
  for_each = toset(["events", "evaluations", "violations", "remediations", "counters", "dead_letters", "metrics"])

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

# History listings filter Firestore-side on one field (the store applies further filters while reading),
# within an optional time window on the field they sort by.

# Violations of one resource, most recently updated first.
resource "google_firestore_index" "violations_by_resource" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "violations"
  query_scope = "COLLECTION"

  fields {
    field_path = "resource_name"
    order      = "ASCENDING"
  }

  fields {
    field_path = "updated_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# Violations of one policy.
resource "google_firestore_index" "violations_by_policy" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "violations"
  query_scope = "COLLECTION"

  fields {
    field_path = "policy_id"
    order      = "ASCENDING"
  }

  fields {
    field_path = "updated_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# Violations in one project.
resource "google_firestore_index" "violations_by_project" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "violations"
  query_scope = "COLLECTION"

  fields {
    field_path = "project_id"
    order      = "ASCENDING"
  }

  fields {
    field_path = "updated_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# Violations of one severity.
resource "google_firestore_index" "violations_by_severity" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "violations"
  query_scope = "COLLECTION"

  fields {
    field_path = "severity"
    order      = "ASCENDING"
  }

  fields {
    field_path = "updated_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# Violations in one status (open, quarantined, remediated, excluded, resolved).
resource "google_firestore_index" "violations_by_status" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "violations"
  query_scope = "COLLECTION"

  fields {
    field_path = "status"
    order      = "ASCENDING"
  }

  fields {
    field_path = "updated_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# A resource's evaluations, newest first.
resource "google_firestore_index" "evaluations_by_resource" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "evaluations"
  query_scope = "COLLECTION"

  fields {
    field_path = "resource_name"
    order      = "ASCENDING"
  }

  fields {
    field_path = "evaluated_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# A resource's evaluations by one policy, newest first.
resource "google_firestore_index" "evaluations_by_resource_policy" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "evaluations"
  query_scope = "COLLECTION"

  fields {
    field_path = "resource_name"
    order      = "ASCENDING"
  }

  fields {
    field_path = "policy_id"
    order      = "ASCENDING"
  }

  fields {
    field_path = "evaluated_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# Remediations of one resource, most recently claimed first.
resource "google_firestore_index" "remediations_by_resource" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "remediations"
  query_scope = "COLLECTION"

  fields {
    field_path = "resource_name"
    order      = "ASCENDING"
  }

  fields {
    field_path = "claimed_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# Remediations for one policy.
resource "google_firestore_index" "remediations_by_policy" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "remediations"
  query_scope = "COLLECTION"

  fields {
    field_path = "policy_id"
    order      = "ASCENDING"
  }

  fields {
    field_path = "claimed_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}

# Remediations in one status.
resource "google_firestore_index" "remediations_by_status" {
  project     = var.project_id
  database    = google_firestore_database.enforcer.name
  collection  = "remediations"
  query_scope = "COLLECTION"

  fields {
    field_path = "status"
    order      = "ASCENDING"
  }

  fields {
    field_path = "claimed_at"
    order      = "DESCENDING"
  }

  fields {
    field_path = "__name__"
    order      = "DESCENDING"
  }
}
