#!/usr/bin/env bash
# Publishes each function exactly as its Dockerfile does and proves the result serves.
#
# There is no Docker engine on this project's machines, so the images themselves cannot be built
# here. This is the next best thing: take the one "RUN dotnet publish ..." line from each
# functions/<Name>/Dockerfile, run it from the repository root (the Dockerfile's build context) with
# the output redirected to a temporary folder, then start the binary the Dockerfile's ENTRYPOINT
# names with PORT=<free port>, ENFORCER_STORE=memory and ENFORCER_HISTORY_AUTH=none (History refuses to start
# outside Cloud Run without an explicit auth choice), and expect 200 from GET /healthz.
#
# Usage: bash eng/publish-check.sh [Evaluate|Remediate|History ...]   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# A framework-dependent apphost finds the runtime through DOTNET_ROOT when it is not installed in
# the default place (the aspnet image has it there).
if [ -z "${DOTNET_ROOT:-}" ] && command -v dotnet >/dev/null 2>&1; then
  DOTNET_ROOT="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  export DOTNET_ROOT
fi

functions=("$@")
[ ${#functions[@]} -gt 0 ] || functions=(Evaluate Remediate History)

work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { date +%s%3N; }

failures=0
for name in "${functions[@]}"; do
  dockerfile="functions/$name/Dockerfile"
  echo "== $name ($dockerfile)"
  [ -f "$dockerfile" ] || { echo "missing $dockerfile" >&2; failures=$((failures + 1)); continue; }

  publish_lines="$(grep -E '^RUN dotnet publish ' "$dockerfile" || true)"
  if [ "$(printf '%s\n' "$publish_lines" | grep -c .)" -ne 1 ]; then
    echo "$dockerfile must have exactly one 'RUN dotnet publish' line" >&2
    failures=$((failures + 1))
    continue
  fi
  # The Dockerfile publishes to /out; everything else is used unchanged.
  args="${publish_lines#RUN }"
  case "$args" in
    *" -o /out"*) ;;
    *) echo "$dockerfile: the publish line must end its options with -o /out" >&2; failures=$((failures + 1)); continue ;;
  esac
  out="$work/$name"
  args="${args/ -o \/out/ -o $out}"

  entry="$(sed -n -E 's#^ENTRYPOINT \["/app/([^"]+)"\].*#\1#p' "$dockerfile")"
  [ -n "$entry" ] || { echo "$dockerfile: no ENTRYPOINT [\"/app/<binary>\"]" >&2; failures=$((failures + 1)); continue; }

  echo "+ $args"
  started="$(now_ms)"
  if ! eval "$args -nologo" >"$work/$name.publish.log" 2>&1; then
    cat "$work/$name.publish.log" >&2
    echo "$name: dotnet publish failed" >&2
    failures=$((failures + 1))
    continue
  fi
  echo "published in $(( ($(now_ms) - started) / 1000 )) s"
  if grep -qiE 'warning (IL|CS|CA)[0-9]+' "$work/$name.publish.log"; then
    grep -iE 'warning (IL|CS|CA)[0-9]+' "$work/$name.publish.log" >&2
    echo "$name: publish produced warnings" >&2
    failures=$((failures + 1))
  fi

  binary="$out/$entry"
  if [ ! -x "$binary" ]; then
    echo "$name: $binary (the ENTRYPOINT) was not produced" >&2
    failures=$((failures + 1))
    continue
  fi
  # The publish mode decides what the image carries: one native binary, or the app's folder.
  case "$args" in
    *PublishAot=true*)
      if [ -e "$out/$entry.dll" ]; then
        echo "$name: $entry.dll is beside the binary: this was not a Native AOT publish" >&2
        failures=$((failures + 1))
      fi ;;
    *PublishReadyToRun=true*)
      if [ ! -e "$out/$entry.dll" ]; then
        echo "$name: $entry.dll is missing from the ReadyToRun publish" >&2
        failures=$((failures + 1))
      fi ;;
    *) echo "$name: the publish line is neither Native AOT nor ReadyToRun" >&2; failures=$((failures + 1)) ;;
  esac
  echo "entry point: $(du -h "$binary" | cut -f1) ($binary); published folder: $(du -sh "$out" | cut -f1)"

  port="$(free_port)"
  started="$(now_ms)"
  PORT="$port" ENFORCER_STORE=memory ENFORCER_HISTORY_AUTH=none "$binary" >"$work/$name.run.log" 2>&1 &
  pid=$!
  status=""
  # Up to 60 s: a loaded CI machine can take seconds to start a framework-dependent app.
  while [ $(( $(now_ms) - started )) -lt 60000 ]; do
    status="$(curl -s -o "$work/$name.health" -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)"
    [ "$status" = "200" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  elapsed=$(( $(now_ms) - started ))
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  if [ "$status" = "200" ]; then
    echo "GET /healthz -> 200 $(cat "$work/$name.health") (first answer after ${elapsed} ms)"
  else
    cat "$work/$name.run.log" >&2
    echo "$name: GET /healthz answered '${status:-nothing}' on port $port" >&2
    failures=$((failures + 1))
  fi
done

if [ "$failures" -gt 0 ]; then
  echo "publish check: $failures problem(s)" >&2
  exit 1
fi
echo "publish check: ${#functions[@]} function(s) published as their Dockerfiles do and served /healthz"
