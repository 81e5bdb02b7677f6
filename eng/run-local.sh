#!/usr/bin/env bash
# The main job, locally, on real emulators: start the Firestore and Pub/Sub emulators, run the
# Evaluate and History hosts, wire a Pub/Sub push subscription to Evaluate (as Eventarc does in
# production), publish every audit-log entry under samples/events, and print what History returns.
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
fs_port=$(free_port); ps_port=$(free_port); ev_port=$(free_port); hi_port=$(free_port)

echo "== building the hosts"
dotnet build functions/Evaluate -c Release -nologo -clp:ErrorsOnly -v quiet
dotnet build functions/History -c Release -nologo -clp:ErrorsOnly -v quiet

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

echo "== starting Evaluate (:$ev_port) and History (:$hi_port)"
export FIRESTORE_EMULATOR_HOST="127.0.0.1:$fs_port" PUBSUB_EMULATOR_HOST="127.0.0.1:$ps_port" GOOGLE_CLOUD_PROJECT="$project" ENFORCER_STORE=firestore
ASPNETCORE_URLS="http://127.0.0.1:$ev_port" start_group "$work/evaluate.log" dotnet functions/Evaluate/bin/Release/net10.0/Enforcer.Functions.Evaluate.dll
# History's API is open here on purpose (loopback only); on Cloud Run it verifies identity tokens (docs/api.md).
ENFORCER_HISTORY_AUTH=none ASPNETCORE_URLS="http://127.0.0.1:$hi_port" start_group "$work/history.log" dotnet functions/History/bin/Release/net10.0/Enforcer.Functions.History.dll
wait_for "http://127.0.0.1:$ev_port/health" ok "Evaluate" "$work/evaluate.log"
wait_for "http://127.0.0.1:$hi_port/health" ok "History" "$work/history.log"

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

echo "== waiting for History to show $count event(s)"
for _ in $(seq 1 100); do
  body="$(curl -fsS "http://127.0.0.1:$hi_port/v1/events?page_size=100")"
  seen="$(printf '%s' "$body" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["events"]))')"
  [ "$seen" -ge "$count" ] && break
  sleep 0.2
done
printf '%s' "$body" | python3 -m json.tool
echo "== Evaluate's log"
cat "$work/evaluate.log"
[ "$seen" -ge "$count" ] || { echo "History shows $seen of $count events" >&2; exit 1; }
echo "== done: $seen event(s) recorded and served by History"
