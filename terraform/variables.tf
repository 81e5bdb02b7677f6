# Where the enforcer lives and what it watches.

variable "organization_id" {
  description = "Numeric id of the organization whose audit logs are enforced (organizations/<id> without the prefix)."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+$", var.organization_id))
    error_message = "organization_id is the numeric id, e.g. 123456789012."
  }
}

variable "project_id" {
  description = "Host project for the functions, OPA, Pub/Sub, Firestore and the image repository."
  type        = string
}

variable "region" {
  description = "Region for Cloud Run, Eventarc, Cloud Scheduler and Artifact Registry."
  type        = string
  default     = "us-central1"
}

variable "firestore_location" {
  description = "Firestore location (a multi-region such as nam5 or eur3, or a region). Empty means var.region."
  type        = string
  default     = ""
}

variable "firestore_database" {
  description = "Firestore database id. '(default)' works without extra client configuration."
  type        = string
  default     = "(default)"
}

variable "name_prefix" {
  description = "Prefix for every resource name, so that two deployments can share a project or organization."
  type        = string
  default     = "enforcer"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,14}$", var.name_prefix))
    error_message = "name_prefix: 2-15 lower-case letters, digits or dashes, starting with a letter."
  }
}

# Images (built and pushed by cloudbuild.yaml).

variable "artifact_repository" {
  description = "Artifact Registry repository (Docker format) that holds the images."
  type        = string
  default     = "enforcer"
}

variable "image_tag" {
  description = "Tag of the evaluate, remediate, history and opa images to run (cloudbuild.yaml passes the commit SHA)."
  type        = string
  default     = "latest"
}

# Enforcement settings: dry-run by default.

variable "enforce" {
  description = "Global switch: false records what would be remediated (dry-run); true executes remediation plans."
  type        = bool
  default     = false
}

variable "enforcement_delay_seconds" {
  description = "Grace period between a change and its remediation, so IaC tools finish their own updates first."
  type        = number
  default     = 60

  validation {
    condition     = var.enforcement_delay_seconds >= 0 && var.enforcement_delay_seconds <= 3600
    error_message = "enforcement_delay_seconds must be between 0 and 3600."
  }
}

variable "severity_threshold" {
  description = "Remediate only violations at or above this severity."
  type        = string
  default     = "HIGH"

  validation {
    condition     = contains(["LOW", "MEDIUM", "HIGH", "CRITICAL"], var.severity_threshold)
    error_message = "severity_threshold is one of LOW, MEDIUM, HIGH, CRITICAL."
  }
}

variable "dry_run_policies" {
  description = "Policy ids that stay in dry-run even when enforce is true."
  type        = list(string)
  default     = []
}

variable "max_remediations_per_resource" {
  description = "Loop guard: remediations of one resource within remediation_window_minutes before it is quarantined."
  type        = number
  default     = 3
}

variable "remediation_window_minutes" {
  description = "Window for max_remediations_per_resource."
  type        = number
  default     = 60
}

variable "max_remediations_per_minute" {
  description = "Blast-radius guard: remediations per minute across the organization."
  type        = number
  default     = 60
}

variable "retention_days" {
  description = "Days before Firestore's TTL policy deletes events, evaluations, violations and remediations."
  type        = number
  default     = 90
}

# Event flow.

variable "log_sink_exclusions" {
  description = "Extra Logging query clauses; entries matching any of them are not sent to the enforcer."
  type        = list(string)
  default = [
    "protoPayload.serviceName=\"k8s.io\"",
    "protoPayload.methodName:\"io.k8s.\"",
  ]
}

variable "max_delivery_attempts" {
  description = "Deliveries of a Pub/Sub message before it is moved to its dead-letter topic (5-100)."
  type        = number
  default     = 10

  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "Pub/Sub accepts 5 to 100 delivery attempts."
  }
}

variable "sweep_schedule" {
  description = "Cron schedule (UTC) of the periodic sweep that re-evaluates every supported resource."
  type        = string
  default     = "0 3 * * *"
}

variable "sweep_asset_types" {
  description = "Asset types the sweep covers; empty means every type in the resource catalog."
  type        = list(string)
  default     = []
}

# Serving.

variable "services" {
  description = "Scaling and sizing per Cloud Run service."
  type = map(object({
    min_instances = number
    max_instances = number
    concurrency   = number
    cpu           = string
    memory        = string
    timeout       = string
  }))
  default = {
    evaluate  = { min_instances = 0, max_instances = 100, concurrency = 40, cpu = "1", memory = "512Mi", timeout = "120s" }
    remediate = { min_instances = 0, max_instances = 20, concurrency = 10, cpu = "1", memory = "512Mi", timeout = "600s" }
    history   = { min_instances = 0, max_instances = 5, concurrency = 80, cpu = "1", memory = "256Mi", timeout = "30s" }
    opa       = { min_instances = 1, max_instances = 20, concurrency = 80, cpu = "1", memory = "512Mi", timeout = "30s" }
  }

  validation {
    condition     = alltrue([for k in ["evaluate", "remediate", "history", "opa"] : contains(keys(var.services), k)])
    error_message = "services needs entries for evaluate, remediate, history and opa."
  }
}

variable "history_invokers" {
  description = "IAM members allowed to call the History API (user:, group: or serviceAccount:)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for m in var.history_invokers : !contains(["allUsers", "allAuthenticatedUsers"], m)])
    error_message = "The History API is never public: allUsers and allAuthenticatedUsers are refused."
  }
}

variable "vpc_subnetwork" {
  description = "Optional subnetwork (projects/P/regions/R/subnetworks/S, Private Google Access on) for Direct VPC egress; when set, OPA accepts internal traffic only."
  type        = string
  default     = ""
}

variable "slack_notifications" {
  description = "Wire the Slack webhook secret into the functions. Add a secret version first (docs/deploy.md)."
  type        = bool
  default     = false
}

variable "history_page_token_key" {
  description = "Wire the page-token signing key secret into History. Add a secret version first (docs/deploy.md)."
  type        = bool
  default     = false
}

variable "slack_severity" {
  description = "Post violations to Slack at or above this severity (when slack_notifications is on)."
  type        = string
  default     = "HIGH"

  validation {
    condition     = contains(["LOW", "MEDIUM", "HIGH", "CRITICAL"], var.slack_severity)
    error_message = "slack_severity is one of LOW, MEDIUM, HIGH, CRITICAL."
  }
}

variable "deletion_protection" {
  description = "Protect the Cloud Run services and the Firestore database from terraform destroy."
  type        = bool
  default     = true
}
