#!/usr/bin/env bash
# Cold start and memory of the function hosts, next to a minimal ASP.NET Core app
# (docs/benchmarks.md, "Function hosts: cold start and memory").
#
# 1. Copies the sources (a git ref with --ref, else the working tree without bin/obj) to a work
#    folder, so publishing never touches the checkout's obj/ folders.
# 2. Publishes each app in each mode:
#      jit: framework-dependent ReadyToRun, exactly as functions/*/Dockerfile does;
#      aot: Native AOT (-p:PublishAot=true). Google.Apis.Core and Newtonsoft.Json raise IL2104/IL3053
#           there, so warnings are not errors for this publish; they are counted in the summary.
# 3. Runs tests/Enforcer.ColdStart: "coldstart" starts every published binary --runs times
#    (ENFORCER_STORE=memory, ENFORCER_GOOGLE_API_ROOT at an in-process fake of Google's APIs holding
#    the sample bucket) and times spawn -> first answer to a real event (samples/events); then "load"
#    keeps Evaluate busy for --load-seconds and samples its VmRSS/VmHWM.
#
# Usage: bash eng/bench-coldstart.sh [--runs N] [--load-seconds S] [--concurrency C] [--modes "jit aot"]
#                                    [--apps "HelloWorld Evaluate Remediate History"] [--ref REF]
#                                    [--work DIR] [--skip-publish] [--skip-load]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

runs=10 load_seconds=45 concurrency=4 modes="jit aot" apps="HelloWorld Evaluate Remediate History"
ref="" work="${TMPDIR:-/tmp}/enforcer-coldstart" skip_publish=0 skip_load=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --load-seconds) load_seconds="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --apps) apps="$2"; shift 2 ;;
    --ref) ref="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --skip-publish) skip_publish=1; shift ;;
    --skip-load) skip_load=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ -z "${DOTNET_ROOT:-}" ] && command -v dotnet >/dev/null 2>&1; then
  DOTNET_ROOT="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  export DOTNET_ROOT
fi

src="$work/src"
project_of() {
  case "$1" in
    HelloWorld) echo "tests/Enforcer.HelloWorld/Enforcer.HelloWorld.csproj" ;;
    *) echo "functions/$1/$1.csproj" ;;
  esac
}
binary_of() {
  case "$1" in
    HelloWorld) echo "Enforcer.HelloWorld" ;;
    *) echo "Enforcer.Functions.$1" ;;
  esac
}
probe_of() {
  case "$1" in
    Remediate) echo "remediation" ;;
    History) echo "history" ;;
    *) echo "audit" ;;
  esac
}

if [ "$skip_publish" = 0 ]; then
  rm -rf "$src"
  mkdir -p "$src"
  parts=(global.json Directory.Build.props Directory.Packages.props .editorconfig eng shared functions policy samples
    tests/Enforcer.HelloWorld tests/Enforcer.ColdStart tests/Enforcer.FakeGoogle tests/Enforcer.Functions.Tests/Fixtures)
  if [ -n "$ref" ]; then
    git archive "$ref" -- "${parts[@]}" | tar -x -C "$src"
    echo "sources: $ref ($(git rev-parse --short "$ref"))"
  else
    tar --exclude=bin --exclude=obj -cf - "${parts[@]}" | tar -x -C "$src"
    echo "sources: working tree at $(git rev-parse --short HEAD) (plus uncommitted changes)"
  fi

  # Native AOT links with clang; Debian names it clang-<version>.
  linker=()
  if ! command -v clang >/dev/null 2>&1; then
    alt="$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -V | tail -1 || true)"
    [ -n "$alt" ] && linker=("-p:CppCompilerAndLinker=$alt")
  fi

  for mode in $modes; do
    for app in $apps; do
      out="$work/$mode/$app"
      log="$work/$mode-$app.publish.log"
      rm -rf "$out"
      started=$(date +%s)
      if [ "$mode" = jit ]; then
        args=(-c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:DebugType=none)
      else
        args=(-c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false -p:DebugType=none "${linker[@]}")
      fi
      if (cd "$src" && dotnet publish "$(project_of "$app")" "${args[@]}" -o "$out" -nologo) >"$log" 2>&1; then
        warnings="$(grep -oE 'warning IL[0-9]+' "$log" | sort -u | awk '{print $2}' | tr '\n' ' ' || true)"
        echo "published $mode $app in $(( $(date +%s) - started )) s; $(du -sh "$out" | cut -f1); warnings: ${warnings:-none}"
      else
        echo "publish FAILED for $mode $app (log: $log):" >&2
        grep -E 'error' "$log" | sort -u | head -5 >&2
      fi
    done
  done
fi

(cd "$src" && dotnet build tests/Enforcer.ColdStart -c Release -nologo -clp:ErrorsOnly >/dev/null)
tool="$src/tests/Enforcer.ColdStart/bin/Release/net10.0/Enforcer.ColdStart.dll"
files=(--event "$src/samples/events/bucket-create.json" --remediation "$src/tests/Enforcer.Functions.Tests/Fixtures/bucket-remediation.request.json")

targets=()
for app in $apps; do
  for mode in $modes; do
    exe="$work/$mode/$app/$(binary_of "$app")"
    [ -x "$exe" ] && targets+=("$(echo "$app" | tr '[:upper:]' '[:lower:]')-$mode=$exe:$(probe_of "$app")")
  done
done

echo "== cold start: $runs runs each, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
dotnet "$tool" coldstart --runs "$runs" --baseline helloworld-jit "${files[@]}" "${targets[@]}" || true

if [ "$skip_load" = 0 ]; then
  for mode in $modes; do
    exe="$work/$mode/Evaluate/Enforcer.Functions.Evaluate"
    [ -x "$exe" ] || continue
    echo "== load: evaluate-$mode, $load_seconds s, $concurrency senders"
    dotnet "$tool" load --seconds "$load_seconds" --concurrency "$concurrency" "${files[@]}" "evaluate-$mode=$exe:audit" || true
  done
fi
