# One identity per function, plus one for OPA and one that Eventarc uses to push events.

resource "google_service_account" "evaluate" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-evaluate"
  display_name = "Policy enforcer: evaluate function"
  description  = "Reads resources across the organization, writes findings to Firestore, publishes remediation requests."
}

resource "google_service_account" "remediate" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-remediate"
  display_name = "Policy enforcer: remediate function"
  description  = "Executes remediation plans with the writer custom role; records outcomes in Firestore."
}

resource "google_service_account" "history" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-history"
  display_name = "Policy enforcer: history API"
  description  = "Reads Firestore only."
}

resource "google_service_account" "opa" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-opa"
  display_name = "Policy enforcer: OPA"
  description  = "Serves decisions from the baked-in policy bundle; needs no Google permission."
}

resource "google_service_account" "trigger" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-trigger"
  display_name = "Policy enforcer: Eventarc triggers"
  description  = "Identity Eventarc pushes events with; may invoke the evaluate and remediate services only."
}
