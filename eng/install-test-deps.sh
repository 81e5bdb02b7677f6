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

# --- Enforcer.Deploy.Tests: HCL-to-JSON parser for the Terraform checks (npm @cdktf/hcl2json) ---
# The Terraform tests fail under CI=true without it. Needs Node.js 18+ and npm.
hcl_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/Enforcer.Deploy.Tests/hcl"
if [ ! -d "$hcl_dir/node_modules/@cdktf/hcl2json" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "installing: nodejs npm"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null || true
    apt-get install -y -qq nodejs npm </dev/null || echo "could not install nodejs/npm: the Terraform tests will fail under CI=true" >&2
  fi
  npm ci --prefix "$hcl_dir" --no-audit --no-fund </dev/null \
    || echo "npm ci failed: the Terraform tests will fail under CI=true" >&2
fi
echo "hcl2json: $([ -d "$hcl_dir/node_modules/@cdktf/hcl2json" ] && echo installed || echo missing)"
# --- end Enforcer.Deploy.Tests ---
