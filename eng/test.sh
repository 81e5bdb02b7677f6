#!/usr/bin/env bash
# The project's one test command (README "Run the tests"; .ci/run and cloudbuild.yaml call it too):
# warnings-as-errors build, format check, Terraform format check, then every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Optional: OPA's conformance cases beside the checkout (never required).
if [ -z "${OPA_CONFORMANCE_DIR:-}" ] && [ -d ../shared/opa-conformance ]; then
  OPA_CONFORMANCE_DIR="$(cd ../shared/opa-conformance && pwd)"
  export OPA_CONFORMANCE_DIR
fi

echo "== test dependencies"
bash eng/install-test-deps.sh

echo "== build (warnings are errors)"
dotnet build Serverless.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

echo "== format check"
dotnet format Serverless.sln --verify-no-changes --no-restore

if command -v terraform >/dev/null 2>&1; then
  echo "== terraform fmt check"
  terraform fmt -check -recursive terraform
else
  echo "terraform is not installed: its format check cannot run" >&2
  exit 1
fi

echo "== tests"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution Serverless.sln -c Release --no-build 2>&1 | tee "$log" || status=$?
# One plain closing line for CI: totals summed over every test assembly.
awk '/^  (succeeded|failed|skipped):/ { n[$1] += $2 } END { printf "tests: %d passed, %d failed, %d skipped\n", n["succeeded:"], n["failed:"], n["skipped:"] }' "$log"
exit "$status"
