#!/usr/bin/env bash
# Persistence benchmark (issue 7): SET throughput with the append-only file on, appendfsync everysec, one Slotgate
# node owning all 16384 slots vs one real redis-server 7.0 in cluster mode with the same AOF settings (both with
# Redis 7's multi-part AOF in their own directory), interleaved in one run:
#   redis-benchmark -c 50 -P 16 -t set -r 1000000 (ops/s, ratio ours/redis), then each side's AOF size.
# Usage: bench/aof-everysec.sh [requests]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-2000000}
ensure_jar
B=$((20000 + RANDOM % 20000))
R=$B; S=$((B + 1))
AOF=(--appendonly yes --appendfsync everysec)

start_redis $R --cluster-enabled yes --cluster-config-file nodes.conf "${AOF[@]}"
redis-cli -p $R cluster addslotsrange 0 16383 >/dev/null
mkdir -p "$BENCH_TMP/node"
java -XX:+UseParallelGC -jar "$JAR" node --port $S --bind 127.0.0.1 --dir "$BENCH_TMP/node" "${AOF[@]}" \
  >"$BENCH_TMP/node.log" 2>&1 &
NODE=$!; BENCH_PIDS+=($NODE); disown
wait_port $S
redis-cli -p $S cluster addslotsrange 0 16383 >/dev/null
for p in $R $S; do until redis-cli -p $p cluster info | grep -q cluster_state:ok; do sleep 0.2; done; done
for p in $R $S; do
  redis-cli -p $p info persistence | grep -q '^aof_enabled:1' || { echo "AOF not enabled on port $p" >&2; exit 1; }
done

echo "warm-up ..."
redis-benchmark -p $S -c 50 -P 16 -n 500000 -r 1000000 -t set -q >/dev/null 2>&1
ours=""; theirs=""
for round in 1 2 3; do
  for target in redis slotgate; do
    port=$([[ $target == redis ]] && echo $R || echo $S)
    out=$(redis-benchmark -h 127.0.0.1 -p $port -c 50 -P 16 -n "$N" -r 1000000 -t set --csv 2>/dev/null)
    v=$(rps "$out" SET)
    if [[ $target == redis ]]; then theirs="$theirs $v"; else ours="$ours $v"; fi
  done
done
ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { n = split(a, x, " "); split(b, y, " ");
  s = 0; r = 0; for (i = 1; i <= n; i++) { s += x[i]; r += y[i] } printf "%.2f", s / r }')
echo
echo "| test (appendonly yes, appendfsync everysec) | redis-server 7.0 ops/s (3 runs) | slotgate node ops/s (3 runs) | ratio (mean) |"
echo "|---|---|---|---|"
echo "| SET -c 50 -P 16 |$theirs |$ours | $ratio |"
echo
for p in $R $S; do
  size=$(redis-cli -p $p info persistence | awk -F: '/^aof_current_size:/ { print $2+0 }')
  echo "  port $p: aof_current_size $size bytes, aof_last_write_status $(redis-cli -p $p info persistence |
    awk -F: '/^aof_last_write_status:/ { sub(/\r/, "", $2); print $2 }')"
done
