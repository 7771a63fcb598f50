#!/usr/bin/env bash
# Live-resharding benchmark (issue 7): keys per second moved by
#   redis-cli --cluster reshard --cluster-from A --cluster-to B --cluster-slots 8192 --cluster-yes --cluster-pipeline 100
# in a two-master cluster of Slotgate nodes and in one of real redis-server 7.0, run one after the other.
# A owns all 16384 slots and holds N keys (16-byte keys, 32-byte values, loaded by redis-cli --pipe); B is an empty
# master. The reshard hands half the slots, so about N/2 keys, to B; keys/s = keys B holds afterwards / wall time.
# Usage: bench/reshard-vs-redis.sh [keys]   (default 1 000 000)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-1000000}
ensure_jar
BASE=$((20000 + RANDOM % 20000))

start_slotgate() { # port
  mkdir -p "$BENCH_TMP/s$1"
  java -XX:+UseParallelGC -jar "$JAR" node --port "$1" --bind 127.0.0.1 --dir "$BENCH_TMP/s$1" \
    >"$BENCH_TMP/s$1.log" 2>&1 &
  BENCH_PIDS+=($!); disown
  wait_port "$1"
}

# Joins B to A, gives A every slot and waits until both agree and report cluster_state:ok.
form() { # portA portB
  redis-cli -p "$1" cluster addslotsrange 0 16383 >/dev/null
  redis-cli -p "$1" cluster meet 127.0.0.1 "$2" >/dev/null
  for _ in $(seq 1 600); do
    if redis-cli -p "$2" cluster info | grep -q cluster_state:ok \
        && redis-cli -p "$1" cluster info | grep -q cluster_state:ok \
        && [[ $(redis-cli -p "$2" cluster nodes | grep -c master) == 2 ]]; then
      return 0
    fi
    sleep 0.1
  done
  echo "cluster $1+$2 did not form" >&2; return 1
}

awk -v n="$N" 'BEGIN { v = sprintf("%032d", 7); for (i = 0; i < n; i++) {
  k = sprintf("k%015d", i); printf "*3\r\n$3\r\nSET\r\n$16\r\n%s\r\n$32\r\n%s\r\n", k, v } }' > "$BENCH_TMP/keys.resp"

declare -A RESULT
run() { # name portA portB
  local name=$1 a=$2 b=$3
  form "$a" "$b"
  redis-cli -p "$a" --pipe < "$BENCH_TMP/keys.resp" >/dev/null
  local loaded; loaded=$(redis-cli -p "$a" dbsize)
  [[ $loaded == "$N" ]] || { echo "$name: loaded $loaded keys instead of $N" >&2; exit 1; }
  local ida idb t0 t1
  ida=$(redis-cli -p "$a" cluster myid); idb=$(redis-cli -p "$b" cluster myid)
  t0=$(date +%s.%N)
  if ! redis-cli --cluster reshard "127.0.0.1:$a" --cluster-from "$ida" --cluster-to "$idb" --cluster-slots 8192 \
      --cluster-yes --cluster-pipeline 100 >"$BENCH_TMP/$name-reshard.out" 2>&1; then
    echo "$name: reshard failed:" >&2; tail -5 "$BENCH_TMP/$name-reshard.out" >&2; exit 1
  fi
  t1=$(date +%s.%N)
  local moved kept; moved=$(redis-cli -p "$b" dbsize); kept=$(redis-cli -p "$a" dbsize)
  [[ $((moved + kept)) == "$N" ]] || { echo "$name: $moved + $kept keys after the reshard, not $N" >&2; exit 1; }
  RESULT[$name]=$(awk -v m="$moved" -v s="$t0" -v e="$t1" 'BEGIN { printf "%d keys in %.1f s: %.0f keys/s", m, e - s, m / (e - s) }')
  echo "$name: ${RESULT[$name]}"
}

start_redis $BASE --cluster-enabled yes --cluster-config-file nodes.conf
start_redis $((BASE + 1)) --cluster-enabled yes --cluster-config-file nodes.conf
run redis $BASE $((BASE + 1))
start_slotgate $((BASE + 2))
start_slotgate $((BASE + 3))
run slotgate $((BASE + 2)) $((BASE + 3))

echo
echo "| reshard of 8192 slots, --cluster-pipeline 100, $N keys loaded | keys moved per second |"
echo "|---|---|"
echo "| redis-server 7.0 | ${RESULT[redis]} |"
echo "| slotgate node | ${RESULT[slotgate]} |"
