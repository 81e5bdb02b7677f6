# Four Cloud Run services, each with its own service account. None allows unauthenticated calls:
# invokers are granted per service in iam.tf.

locals {
  vpc_egress = var.vpc_subnetwork != ""
}

resource "google_cloud_run_v2_service" "opa" {
  project             = var.project_id
  name                = "${var.name_prefix}-opa"
  location            = var.region
  deletion_protection = var.deletion_protection
  # Internal only when the callers can reach it through the VPC; otherwise IAM alone guards it.
  ingress = local.vpc_egress ? "INGRESS_TRAFFIC_INTERNAL_ONLY" : "INGRESS_TRAFFIC_ALL"

  template {
    service_account                  = google_service_account.opa.email
    max_instance_request_concurrency = var.services.opa.concurrency
    timeout                          = var.services.opa.timeout

    scaling {
      min_instance_count = var.services.opa.min_instances
      max_instance_count = var.services.opa.max_instances
    }

    containers {
      image = local.images.opa

      ports {
        container_port = 8080
      }

      resources {
        limits            = { cpu = var.services.opa.cpu, memory = var.services.opa.memory }
        cpu_idle          = true
        startup_cpu_boost = true
      }

      startup_probe {
        period_seconds    = 2
        failure_threshold = 30
        http_get {
          path = "/health"
        }
      }

      liveness_probe {
        period_seconds = 30
        http_get {
          path = "/health"
        }
      }
    }
  }

  depends_on = [google_project_service.required]
}

resource "google_cloud_run_v2_service" "evaluate" {
  project             = var.project_id
  name                = "${var.name_prefix}-evaluate"
  location            = var.region
  deletion_protection = var.deletion_protection
  # Eventarc and Pub/Sub pushes count as internal traffic.
  ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY"

  template {
    service_account                  = google_service_account.evaluate.email
    max_instance_request_concurrency = var.services.evaluate.concurrency
    timeout                          = var.services.evaluate.timeout

    scaling {
      min_instance_count = var.services.evaluate.min_instances
      max_instance_count = var.services.evaluate.max_instances
    }

    dynamic "vpc_access" {
      for_each = local.vpc_egress ? [var.vpc_subnetwork] : []
      content {
        egress = "ALL_TRAFFIC"
        network_interfaces {
          subnetwork = vpc_access.value
        }
      }
    }

    containers {
      image = local.images.evaluate

      ports {
        container_port = 8080
      }

      resources {
        limits            = { cpu = var.services.evaluate.cpu, memory = var.services.evaluate.memory }
        cpu_idle          = true
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = merge(local.common_env, local.enforcement_env, {
          ENFORCER_REMEDIATIONS_TOPIC = google_pubsub_topic.remediations.id
          ENFORCER_AUDIT_TOPIC        = google_pubsub_topic.audit_events.id
        })
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = var.slack_notifications ? [google_secret_manager_secret.slack_webhook.secret_id] : []
        content {
          name = "SLACK_WEBHOOK_URL"
          value_source {
            secret_key_ref {
              secret  = env.value
              version = "latest"
            }
          }
        }
      }

      startup_probe {
        period_seconds    = 1
        failure_threshold = 30
        http_get {
          path = "/health"
        }
      }
    }
  }

  depends_on = [google_project_service.required, google_secret_manager_secret_iam_member.slack_webhook_readers]
}

resource "google_cloud_run_v2_service" "remediate" {
  project             = var.project_id
  name                = "${var.name_prefix}-remediate"
  location            = var.region
  deletion_protection = var.deletion_protection
  ingress             = "INGRESS_TRAFFIC_INTERNAL_ONLY"

  template {
    service_account                  = google_service_account.remediate.email
    max_instance_request_concurrency = var.services.remediate.concurrency
    timeout                          = var.services.remediate.timeout

    scaling {
      min_instance_count = var.services.remediate.min_instances
      max_instance_count = var.services.remediate.max_instances
    }

    dynamic "vpc_access" {
      for_each = local.vpc_egress ? [var.vpc_subnetwork] : []
      content {
        egress = "ALL_TRAFFIC"
        network_interfaces {
          subnetwork = vpc_access.value
        }
      }
    }

    containers {
      image = local.images.remediate

      ports {
        container_port = 8080
      }

      resources {
        limits            = { cpu = var.services.remediate.cpu, memory = var.services.remediate.memory }
        cpu_idle          = true
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = merge(local.common_env, local.enforcement_env)
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = var.slack_notifications ? [google_secret_manager_secret.slack_webhook.secret_id] : []
        content {
          name = "SLACK_WEBHOOK_URL"
          value_source {
            secret_key_ref {
              secret  = env.value
              version = "latest"
            }
          }
        }
      }

      startup_probe {
        period_seconds    = 1
        failure_threshold = 30
        http_get {
          path = "/health"
        }
      }
    }
  }

  depends_on = [google_project_service.required, google_secret_manager_secret_iam_member.slack_webhook_readers]
}

resource "google_cloud_run_v2_service" "history" {
  project             = var.project_id
  name                = "${var.name_prefix}-history"
  location            = var.region
  deletion_protection = var.deletion_protection
  # People call it from their workstations; Cloud Run IAM (history_invokers) authenticates them.
  ingress = "INGRESS_TRAFFIC_ALL"

  template {
    service_account                  = google_service_account.history.email
    max_instance_request_concurrency = var.services.history.concurrency
    timeout                          = var.services.history.timeout

    scaling {
      min_instance_count = var.services.history.min_instances
      max_instance_count = var.services.history.max_instances
    }

    containers {
      image = local.images.history

      ports {
        container_port = 8080
      }

      resources {
        limits            = { cpu = var.services.history.cpu, memory = var.services.history.memory }
        cpu_idle          = true
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = local.common_env
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = var.history_page_token_key ? [google_secret_manager_secret.page_token_key.secret_id] : []
        content {
          name = "ENFORCER_PAGE_TOKEN_KEY"
          value_source {
            secret_key_ref {
              secret  = env.value
              version = "latest"
            }
          }
        }
      }

      startup_probe {
        period_seconds    = 1
        failure_threshold = 30
        http_get {
          path = "/health"
        }
      }
    }
  }

  depends_on = [google_project_service.required]
}
