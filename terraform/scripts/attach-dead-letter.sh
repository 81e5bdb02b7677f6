#!/usr/bin/env bash
# Gives the subscriptions Eventarc created for the Pub/Sub triggers their dead-letter policy.
#
# Eventarc owns those subscriptions, so Terraform can only report them (output
# dead_letter_attachments); this applies the policy. Run it after every terraform apply:
#   terraform -chdir=terraform output -json dead_letter_attachments > dead-letter.json
#   bash terraform/scripts/attach-dead-letter.sh dead-letter.json
# Needs gcloud and python3 (both are in the Cloud SDK image cloudbuild.yaml uses).
set -euo pipefail

file="${1:?usage: attach-dead-letter.sh <terraform output -json dead_letter_attachments>}"

python3 - "$file" <<'PY' | while read -r subscription topic attempts; do
import json, sys
for name, a in sorted(json.load(open(sys.argv[1])).items()):
    print(a["subscription"], a["dead_letter_topic"], a["max_delivery_attempts"])
PY
  echo "dead-letter policy: $subscription -> $topic after $attempts attempts"
  gcloud pubsub subscriptions update "$subscription" \
    --dead-letter-topic="$topic" \
    --max-delivery-attempts="$attempts" \
    --min-retry-delay=10s \
    --max-retry-delay=600s \
    --quiet
done
