#!/usr/bin/env bash
# Proxy I benchmark: redis-benchmark through the Slotgate proxy vs straight to the same 3-master Redis 7.0 cluster
# (redis-benchmark --cluster), interleaved in one run; plus Twemproxy (nutcracker) over three standalone
# redis-servers. Reports ops/s, the proxy/direct ratio and each proxy's CPU microseconds per request
# (utime+stime from /proc/PID/stat over the measured run, after a warm-up run).
# Usage: bench/proxy-vs-direct.sh [requests-at-P16] [requests-at-P1]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N16=${1:-2000000}
N1=${2:-300000}
ensure_jar
B=$((20000 + RANDOM % 20000))

# Real Redis 7.0 cluster, 3 masters.
for i in 0 1 2; do start_redis $((B + i)) --cluster-enabled yes --cluster-config-file nodes.conf; done
redis-cli --cluster create 127.0.0.1:$B 127.0.0.1:$((B + 1)) 127.0.0.1:$((B + 2)) --cluster-yes >/dev/null
until redis-cli -p $B cluster info | grep -q cluster_state:ok; do sleep 0.2; done
sleep 1

# Slotgate proxy (one worker thread, as measured best on 2 cores in performance-notes.md).
PP=$((B + 100))
cat > "$BENCH_TMP/proxy.conf" <<CONF
proxy { bind = "127.0.0.1:$PP", worker-threads = 1, cluster { servers = ["127.0.0.1:$B"] } }
CONF
java -XX:+UseParallelGC -jar "$JAR" proxy --conf "$BENCH_TMP/proxy.conf" >"$BENCH_TMP/proxy.log" 2>&1 &
PROXY=$!; BENCH_PIDS+=($PROXY); disown
wait_port $PP

# Twemproxy over three standalone servers.
for i in 10 11 12; do start_redis $((B + i)); done
TP=$((B + 101))
cat > "$BENCH_TMP/nutcracker.yml" <<YML
bench:
  listen: 127.0.0.1:$TP
  hash: fnv1a_64
  distribution: ketama
  redis: true
  servers:
   - 127.0.0.1:$((B + 10)):1
   - 127.0.0.1:$((B + 11)):1
   - 127.0.0.1:$((B + 12)):1
YML
nutcracker -c "$BENCH_TMP/nutcracker.yml" -s $((B + 102)) -o "$BENCH_TMP/nutcracker.log" &
TWEM=$!; BENCH_PIDS+=($TWEM); disown
wait_port $TP

run() { # port pipeline requests [--cluster]
  redis-benchmark -h 127.0.0.1 -p "$1" -c 50 -P "$2" -n "$3" -r 100000 -t set,get --csv ${4:-} 2>/dev/null
}
measure() { # label pid port P N [--cluster]
  local before after out
  before=$( [[ -n "$2" ]] && cpu_seconds "$2" || echo 0)
  out=$(run "$3" "$4" "$5" "${6:-}")
  after=$( [[ -n "$2" ]] && cpu_seconds "$2" || echo 0)
  local set get
  set=$(rps "$out" SET); get=$(rps "$out" GET)
  local us
  us=$(awk -v a="$after" -v b="$before" -v n="$5" 'BEGIN { printf "%.2f", (a - b) * 1e6 / (2 * n) }')
  printf '| %-28s | P=%-2s | %10s | %10s | %s |\n' "$1" "$4" "$set" "$get" "$([[ -n "$2" ]] && echo "$us" || echo -)"
}

echo "warm-up ..."
run $PP 16 500000 >/dev/null; run $TP 16 500000 >/dev/null
echo
echo "| target | pipeline | SET ops/s | GET ops/s | proxy CPU us/request |"
echo "|---|---|---|---|---|"
for P in 16 1; do
  N=$([[ $P == 16 ]] && echo $N16 || echo $N1)
  for round in 1 2; do
    measure "direct (redis-benchmark --cluster)" "" $B $P $N --cluster
    measure "slotgate proxy" $PROXY $PP $P $N
    measure "twemproxy (nutcracker)" $TWEM $TP $P $N
  done
done
