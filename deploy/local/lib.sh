# shellcheck shell=bash disable=SC2034
# Functions shared by deploy/local/run and deploy/local/stop. Sourced, not executed.

STACK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_LOCAL="$STACK_ROOT/deploy/local"
STACK_STATE="${STACK_STATE_DIR:-$STACK_ROOT/.local}"
STACK_LOGS="$STACK_STATE/logs"
STACK_PIDS="$STACK_STATE/pids"

# Start order of the services (stop order is the same: they are stopped together).
STACK_SERVICES=(auth-service character-service chat-service media-service ad-service inference-worker analytics-service gateway-service)
# Infrastructure in stop order (reverse of what the services depend on).
STACK_INFRA_STOP_ORDER=(offline-llm greenmail s3mock kafka postgres)

# Fixed ports of the components (PostgreSQL's is POSTGRES_PORT, recorded in pids/postgres.embedded).
KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093 S3_PORT=9090 LLM_PORT=8090
# GreenMail: SMTP for auth-service, and its API (off its default 8080, the gateway's) to read the mail.
SMTP_PORT=3025 MAIL_API_PORT=8025
S3_BUCKET_NAME=companion-media
# Stripe's webhook signing secret of the local stack (STRIPE_WEBHOOK_SECRET overrides it): not a real
# one, it lets tests post webhook events signed as Stripe signs them. No Stripe API key is set.
LOCAL_STRIPE_WEBHOOK_SECRET=whsec_local_stack_not_a_secret
declare -A SERVICE_PORT=(
  [gateway-service]=8080 [auth-service]=8081 [character-service]=8082 [chat-service]=8083
  [media-service]=8084 [ad-service]=8085 [inference-worker]=8086 [analytics-service]=8087
)

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
  rm -f "$STACK_PIDS/postgres.embedded" "$STACK_PIDS"/*.exit
}

# Any component recorded and still running.
running_components() {
  local name out=()
  for name in "${STACK_SERVICES[@]}" "${STACK_INFRA_STOP_ORDER[@]}"; do
    stack_pid "$name" >/dev/null && out+=("$name")
  done
  printf '%s' "${out[*]}"
}

# ---------------------------------------------------------------------------------------------
# Health

port_open() { (exec 9<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# http_ok <port> <path> [<extended-regex the body must match>]: 200 from 127.0.0.1 (curl, else bash).
http_ok() (
  local port=$1 path=$2 pattern=${3:-} body
  if command -v curl >/dev/null 2>&1; then
    body=$(curl -fsS -m 3 "http://127.0.0.1:$port$path" 2>/dev/null) || return 1
  else
    exec 9<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAccept: */*\r\nConnection: close\r\n\r\n' "$path" "$port" >&9
    local line status=""
    IFS= read -r -t 3 -u 9 status || return 1
    [[ "$status" =~ ^HTTP/[0-9.]+\ 200 ]] || return 1
    body=""
    while IFS= read -r -t 3 -u 9 line; do body+="$line"$'\n'; done
    body+="$line"
  fi
  [[ -z "$pattern" ]] || grep -Eq "$pattern" <<<"$body"
) 2>/dev/null


# ready_check <name>: the component answers as it should when ready.
ready_check() {
  case "$1" in
    kafka) port_open "$KAFKA_PORT" ;;
    postgres) port_open "$(head -n1 "$STACK_PIDS/postgres.embedded" 2>/dev/null || echo "${POSTGRES_PORT:-5432}")" ;;
    s3mock) http_ok "$S3_PORT" "/$S3_BUCKET_NAME" ;;
    greenmail) http_ok "$MAIL_API_PORT" /api/service/readiness ;;
    offline-llm) http_ok "$LLM_PORT" /health ;;
    *) http_ok "${SERVICE_PORT[$1]}" /actuator/health '"status" *: *"UP"' ;;
  esac
}

log_tail() { # log_tail <name> [<lines>]: the end of a component's log, on stderr
  local log="$STACK_LOGS/$1.log"
  [[ -f "$log" ]] || return 0
  printf -- '---- last lines of %s ----\n' "$log" >&2
  tail -n "${2:-40}" "$log" >&2
  printf -- '----\n' >&2
}

# death_reason <name>: the line of its log that says why a JVM ended, if there is one.
death_reason() {
  local log="$STACK_LOGS/$1.log" line
  [[ -f "$log" ]] || return 0
  line=$(tail -n 400 "$log" | grep -E 'OutOfMemoryError|Terminating due to|APPLICATION FAILED TO START|Exception in thread "main"|Could not create the Java Virtual Machine|A fatal error has been detected' | tail -n1 || true)
  printf '%s' "${line:0:240}"
}

exit_meaning() { # exit_meaning <code>: "exit code 3" or "killed by SIGKILL (exit code 137)"
  local code=$1 sig
  if ((code > 128)) && sig=$(kill -l $((code - 128)) 2>/dev/null); then
    printf 'killed by SIG%s (exit code %s)' "${sig#SIG}" "$code"
  else
    printf 'exit code %s' "$code"
  fi
}

# stack_status: every component this stack started, running and answering or not; a dead one with
# how it ended (when a foreground run saw it: pids/<name>.exit) and its last log lines.
# Returns 0 all well, 1 something dead or not answering, 3 not running at all.
stack_status() {
  local name pid any=0 bad=0 watcher="" reason
  if [[ -f "$STACK_PIDS/run.pid" ]]; then
    pid=$(head -n1 "$STACK_PIDS/run.pid" 2>/dev/null || true)
    [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" && [[ "$(cmdline_of "$pid")" == *run* ]] && watcher=$pid
  fi
  for name in "${STACK_INFRA_STOP_ORDER[@]}" "${STACK_SERVICES[@]}"; do
    [[ -f "$STACK_PIDS/$name.pid" ]] || continue
    any=1
    if pid=$(stack_pid "$name"); then
      if ready_check "$name"; then
        printf '  %-18s up             pid %-8s %5d MB\n' "$name" "$pid" $(($(rss_kb "$pid") / 1024))
      else
        bad=1
        printf '  %-18s NOT ANSWERING  pid %-8s %5d MB\n' "$name" "$pid" $(($(rss_kb "$pid") / 1024))
      fi
    else
      bad=1
      reason=$(cat "$STACK_PIDS/$name.exit" 2>/dev/null || true)
      [[ -n "$reason" ]] || reason="$(death_reason "$name")"
      printf '  %-18s DEAD           %s\n' "$name" "${reason:-no longer running}"
      log_tail "$name" 15 2>&1
    fi
  done
  if ((!any)); then
    say "the local stack is not running"
    return 3
  fi
  if [[ -n "$watcher" ]]; then
    say "watched by deploy/local/run (pid $watcher) in the foreground"
  else
    say "started with --detach: nothing watches it, so a death's exit code is unknown"
  fi
  if ((bad)); then
    say "the local stack is NOT healthy"
    return 1
  fi
  say "the local stack is healthy"
}
