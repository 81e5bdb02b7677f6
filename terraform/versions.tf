terraform {
  required_version = ">= 1.5.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0.0, < 8.0.0"
    }
  }

  # State belongs in a bucket the deployer owns; docs/deploy.md shows the -backend-config flags.
  backend "gcs" {}
}

provider "google" {
  project = var.project_id
  region  = var.region
}
