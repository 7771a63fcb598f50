# Shared helpers for the benchmark scripts (sourced, not run). Everything binds 127.0.0.1 only.
set -euo pipefail
BENCH_TMP="$(mktemp -d /tmp/slotgate-bench.XXXXXX)"
BENCH_PIDS=()
cleanup() {
  for p in "${BENCH_PIDS[@]:-}"; do [[ -n "$p" ]] && kill -9 "$p" 2>/dev/null || true; done
  [[ -n "${BENCH_KEEP:-}" ]] || rm -rf "$BENCH_TMP"
}
trap cleanup EXIT INT TERM

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/proxy/target/slotgate.jar"
ensure_jar() { [[ -f "$JAR" ]] || (cd "$ROOT" && mvn -q -B -DskipTests package); }

wait_port() { # port
  for _ in $(seq 1 600); do
    redis-cli -p "$1" ping >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "port $1 did not answer" >&2; return 1
}

# CPU seconds (utime+stime) a process has used so far.
cpu_seconds() { # pid
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"
}

start_redis() { # port [extra args...]
  local port=$1; shift
  mkdir -p "$BENCH_TMP/r$port"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$BENCH_TMP/r$port" \
    --logfile "$BENCH_TMP/r$port/log" "$@" &
  BENCH_PIDS+=($!); disown
  wait_port "$port"
}

# requests per second that redis-benchmark reports for a test, from its --csv output
rps() { # csv-output test-name
  echo "$1" | awk -F'","' -v t="$2" 'index($1, t) { gsub(/"/, "", $2); print $2; exit }'
}
