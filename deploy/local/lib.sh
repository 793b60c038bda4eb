# shellcheck shell=bash disable=SC2034
# Functions shared by deploy/local/run and deploy/local/stop. Sourced, not executed.

STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_LOCAL="$STACK_ROOT/deploy/local"
STACK_STATE="${STACK_STATE_DIR:-$STACK_ROOT/.local}"
STACK_LOGS="$STACK_STATE/logs"
STACK_PIDS="$STACK_STATE/pids"

# Start order of the services (stop order is the same: they are stopped together).
STACK_SERVICES=(auth-service character-service chat-service media-service ad-service inference-worker gateway-service)
# Infrastructure in stop order (reverse of what the services depend on).
STACK_INFRA_STOP_ORDER=(offline-llm s3mock kafka postgres)

say() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

now() { # seconds since the epoch, with fractions where the shell allows
  if [[ -n "${EPOCHREALTIME:-}" ]]; then printf '%s' "${EPOCHREALTIME/,/.}"; else date +%s; fi
}
elapsed() { # elapsed <start> -> seconds with one decimal
  awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'
}

# ---------------------------------------------------------------------------------------------
# Processes

# alive <pid>: the process exists and is not a zombie.
alive() {
  local pid=$1 state
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/stat ]]; then
    state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)
  else
    state=$(ps -o stat= -p "$pid" 2>/dev/null)
  fi
  [[ "$state" != Z* ]]
}

cmdline_of() {
  local pid=$1
  if [[ -r /proc/$pid/cmdline ]]; then tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null; else ps -o args= -p "$pid" 2>/dev/null; fi
}

# stack_pid <name>: the recorded pid of a component if that process is alive and still ours.
stack_pid() {
  local name=$1 file="$STACK_PIDS/$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid=$(head -n1 "$file" 2>/dev/null)
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  # A recycled pid must not be taken for ours: every process we start carries the marker.
  [[ "$(cmdline_of "$pid")" == *"companion.stack=$name"* ]] || return 1
  printf '%s' "$pid"
}

rss_kb() { # resident set size of one process in kB
  local pid=$1 v
  if [[ -r /proc/$pid/status ]]; then
    v=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
  else
    v=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')
  fi
  printf '%s' "${v:-0}"
}

pss_kb() { # proportional set size (shared pages split between their users), else RSS
  local pid=$1 v=""
  [[ -r /proc/$pid/smaps_rollup ]] && v=$(awk '/^Pss:/ { print $2; exit }' "/proc/$pid/smaps_rollup" 2>/dev/null)
  if [[ -n "$v" ]]; then printf '%s' "$v"; else rss_kb "$pid"; fi
}

# The postmaster of the embedded PostgreSQL (started by pg_ctl, so not a child of its JVM).
embedded_postmaster_pid() {
  local f="$STACK_STATE/postgres/data/postmaster.pid" pid
  [[ -f "$f" ]] || return 1
  pid=$(head -n1 "$f")
  [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" && [[ "$(cmdline_of "$pid")" == *postgres* ]] || return 1
  printf '%s' "$pid"
}

# stop_group <timeout-seconds> <name>...: SIGTERM all, wait, SIGKILL what is left.
stop_group() {
  local timeout=$1; shift
  local name pid pids=() names=()
  for name in "$@"; do
    if pid=$(stack_pid "$name"); then
      pids+=("$pid"); names+=("$name")
      kill -TERM "$pid" 2>/dev/null || true
    else
      rm -f "$STACK_PIDS/$name.pid"
    fi
  done
  ((${#pids[@]})) || return 0
  say "stopping ${names[*]}"
  local deadline=$((SECONDS + timeout)) left
  while :; do
    left=()
    for pid in "${pids[@]}"; do alive "$pid" && left+=("$pid"); done
    ((${#left[@]})) || break
    if ((SECONDS >= deadline)); then
      warn "still running after ${timeout}s, killing: ${left[*]}"
      kill -KILL "${left[@]}" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  # Reap our own children so no zombie is left (no-op for processes started by another shell).
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # Only now: a stop interrupted half-way leaves the rest findable by deploy/local/stop.
  for name in "${names[@]}"; do rm -f "$STACK_PIDS/$name.pid"; done
}

# stop_all: services first, then the offline LLM, S3Mock, Kafka and the embedded PostgreSQL.
stop_all() {
  stop_group 40 "${STACK_SERVICES[@]}"
  local name
  for name in "${STACK_INFRA_STOP_ORDER[@]}"; do
    stop_group 30 "$name"
  done
  # If the embedded PostgreSQL's JVM died hard, its server may still run: stop it fast.
  local pm
  if [[ -f "$STACK_PIDS/postgres.embedded" ]] && pm=$(embedded_postmaster_pid); then
    say "stopping the embedded PostgreSQL server (pid $pm)"
    kill -INT "$pm" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while alive "$pm" && ((SECONDS < deadline)); do sleep 0.2; done
    alive "$pm" && kill -KILL "$pm" 2>/dev/null
  fi
  rm -f "$STACK_PIDS/postgres.embedded"
}

# Any component recorded and still running.
running_components() {
  local name out=()
  for name in "${STACK_SERVICES[@]}" "${STACK_INFRA_STOP_ORDER[@]}"; do
    stack_pid "$name" >/dev/null && out+=("$name")
  done
  printf '%s' "${out[*]}"
}
