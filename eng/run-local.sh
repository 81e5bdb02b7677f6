#!/usr/bin/env bash
# The main job, locally, on real emulators: start the Firestore and Pub/Sub emulators, run Evaluate,
# Remediate and History (`enforcer serve`: the three functions' own compositions in one process, over the
# local stand-in for Google's APIs seeded from samples/resources), wire a Pub/Sub push subscription to
# Evaluate (as Eventarc does in production), publish every audit-log entry under samples/events, and print
# what History returns. Arguments go to `enforcer serve` (e.g. --enforce; the default is dry-run).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
pgids=()
cleanup() {
  for pgid in "${pgids[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
  sleep 1
  for pgid in "${pgids[@]}"; do kill -KILL -- "-$pgid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts a command in its own process group (the emulators' Java children outlive their wrappers).
start_group() {
  local log="$1"; shift
  setsid "$@" >"$log" 2>&1 </dev/null &
  pgids+=("$!")
}

wait_for() { # url expected-substring what
  for _ in $(seq 1 300); do
    if curl -fsS "$1" 2>/dev/null | grep -q "$2"; then return 0; fi
    sleep 0.2
  done
  echo "$3 did not start; its log:" >&2; cat "$4" >&2; exit 1
}

project=local-enforcer
sdk="$(dirname "$(readlink -f "$(command -v gcloud)")")/.."
fs_port=$(free_port); ps_port=$(free_port); ev_port=$(free_port); re_port=$(free_port); hi_port=$(free_port)

echo "== building the command line (it hosts the three functions)"
dotnet build functions/Cli -c Release -nologo -clp:ErrorsOnly -v quiet

echo "== starting the emulators"
if [ -x "$sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator" ]; then
  start_group "$work/firestore.log" "$sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator" start --host=127.0.0.1 --port="$fs_port"
  start_group "$work/pubsub.log" "$sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator" --host=127.0.0.1 --port="$ps_port"
else
  start_group "$work/firestore.log" gcloud beta emulators firestore start --host-port="127.0.0.1:$fs_port" --quiet
  start_group "$work/pubsub.log" gcloud beta emulators pubsub start --host-port="127.0.0.1:$ps_port" --project="$project" --quiet
fi
wait_for "http://127.0.0.1:$fs_port/" Ok "Firestore emulator" "$work/firestore.log"
wait_for "http://127.0.0.1:$ps_port/v1/projects/$project/topics" "{" "Pub/Sub emulator" "$work/pubsub.log"

echo "== starting Evaluate (:$ev_port), Remediate (:$re_port) and History (:$hi_port) with the stand-in for Google's APIs"
export FIRESTORE_EMULATOR_HOST="127.0.0.1:$fs_port" PUBSUB_EMULATOR_HOST="127.0.0.1:$ps_port" GOOGLE_CLOUD_PROJECT="$project" ENFORCER_STORE=firestore
# Evaluate reads each resource from the stand-in (a fake of Google's APIs on loopback), never from Google.
# History's API is open here on purpose (loopback only; serve sets ENFORCER_HISTORY_AUTH=none); on Cloud Run it
# verifies identity tokens (docs/api.md). Remediation requests go from Evaluate to Remediate in process.
start_group "$work/serve.log" dotnet functions/Cli/bin/Release/net10.0/enforcer.dll serve \
  --evaluate-port "$ev_port" --remediate-port "$re_port" --history-port "$hi_port" "$@"
wait_for "http://127.0.0.1:$ev_port/health" ok "Evaluate" "$work/serve.log"
wait_for "http://127.0.0.1:$hi_port/health" ok "History" "$work/serve.log"

echo "== wiring topic audit-events -> push subscription -> Evaluate"
ps="http://127.0.0.1:$ps_port/v1/projects/$project"
curl -fsS -X PUT "$ps/topics/audit-events" >/dev/null
curl -fsS -X PUT -H 'Content-Type: application/json' "$ps/subscriptions/audit-to-evaluate" \
  -d "{\"topic\": \"projects/$project/topics/audit-events\", \"pushConfig\": {\"pushEndpoint\": \"http://127.0.0.1:$ev_port/\"}}" >/dev/null

count=0
for event in samples/events/*.json; do
  data="$(base64 -w0 "$event")"
  curl -fsS -X POST -H 'Content-Type: application/json' "$ps/topics/audit-events:publish" \
    -d "{\"messages\": [{\"data\": \"$data\"}]}" >/dev/null
  echo "published $event"
  count=$((count + 1))
done

# An event is recorded as "mapped" when it arrives and gets its outcome once Evaluate has read and judged the
# resources it names: wait for the outcomes, not just the arrivals.
echo "== waiting for History to show $count processed event(s)"
for _ in $(seq 1 150); do
  body="$(curl -fsS "http://127.0.0.1:$hi_port/v1/events?page_size=100")"
  seen="$(printf '%s' "$body" | python3 -c 'import json,sys; print(sum(e.get("outcome") != "mapped" for e in json.load(sys.stdin)["events"]))')"
  [ "$seen" -ge "$count" ] && break
  sleep 0.2
done
printf '%s' "$body" | python3 -m json.tool
echo "== the functions' log"
cat "$work/serve.log"
echo "== outcomes"
printf '%s' "$body" | python3 -c 'import json,sys,collections; print(dict(collections.Counter(e.get("outcome") for e in json.load(sys.stdin)["events"])))'
[ "$seen" -ge "$count" ] || { echo "History shows $seen of $count events processed" >&2; exit 1; }
echo "== done: $seen event(s) processed, recorded and served by History"
