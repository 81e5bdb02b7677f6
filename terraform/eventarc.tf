# Pub/Sub-sourced Eventarc triggers: messages arrive as CloudEvents of type
# google.cloud.pubsub.topic.v1.messagePublished, pushed with the trigger service account's token.

resource "google_eventarc_trigger" "evaluate" {
  project         = var.project_id
  name            = "${var.name_prefix}-evaluate"
  location        = var.region
  service_account = google_service_account.trigger.email

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.pubsub.topic.v1.messagePublished"
  }

  transport {
    pubsub {
      topic = google_pubsub_topic.audit_events.id
    }
  }

  destination {
    cloud_run_service {
      service = google_cloud_run_v2_service.evaluate.name
      region  = var.region
      path    = "/"
    }
  }

  depends_on = [google_cloud_run_v2_service_iam_member.trigger_invokes_evaluate]
}

resource "google_eventarc_trigger" "remediate" {
  project         = var.project_id
  name            = "${var.name_prefix}-remediate"
  location        = var.region
  service_account = google_service_account.trigger.email

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.pubsub.topic.v1.messagePublished"
  }

  transport {
    pubsub {
      topic = google_pubsub_topic.remediations.id
    }
  }

  destination {
    cloud_run_service {
      service = google_cloud_run_v2_service.remediate.name
      region  = var.region
      path    = "/"
    }
  }

  depends_on = [google_cloud_run_v2_service_iam_member.trigger_invokes_remediate]
}
