#!/usr/bin/env bash
# Installs what the test suite needs, if missing. Idempotent; prints what it found.
set -uo pipefail

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
if command -v gcloud >/dev/null 2>&1; then
  for component in firestore-emulator pubsub-emulator; do
    dpkg -s "google-cloud-cli-$component" >/dev/null 2>&1 || need_apt+=("google-cloud-cli-$component")
  done
else
  need_apt+=(google-cloud-cli google-cloud-cli-firestore-emulator google-cloud-cli-pubsub-emulator)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null || true
  apt-get install -y -qq "${need_apt[@]}" </dev/null || echo "could not install ${need_apt[*]}: emulator tests will fail under CI=true" >&2
fi

command -v terraform >/dev/null 2>&1 || echo "terraform is missing: the format check will fail" >&2
echo "gcloud: $(command -v gcloud || echo missing); java: $(command -v java || echo missing); terraform: $(command -v terraform || echo missing)"
