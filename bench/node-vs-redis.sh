#!/usr/bin/env bash
# Backend node I benchmark: one Slotgate node owning all 16384 slots vs one real redis-server 7.0 in cluster mode
# owning all slots, interleaved in one run:
#   1. redis-benchmark -c 50 -P 16 -t set,get,incr,lpush,hset,sadd,zadd  (ops/s, ratio ours/redis)
#   2. memory per key: 1 000 000 keys of 16 bytes with 32-byte values loaded by redis-cli --pipe,
#      (used_memory after - before) / 1 000 000, as each server's INFO memory reports it after MEMORY PURGE.
# Usage: bench/node-vs-redis.sh [requests]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
N=${1:-1000000}
ensure_jar
B=$((20000 + RANDOM % 20000))
R=$B; S=$((B + 1))

start_redis $R --cluster-enabled yes --cluster-config-file nodes.conf
redis-cli -p $R cluster addslotsrange 0 16383 >/dev/null
mkdir -p "$BENCH_TMP/node"
java -XX:+UseParallelGC -jar "$JAR" node --port $S --bind 127.0.0.1 --dir "$BENCH_TMP/node" >"$BENCH_TMP/node.log" 2>&1 &
NODE=$!; BENCH_PIDS+=($NODE); disown
wait_port $S
redis-cli -p $S cluster addslotsrange 0 16383 >/dev/null
for p in $R $S; do until redis-cli -p $p cluster info | grep -q cluster_state:ok; do sleep 0.2; done; done

TESTS=set,get,incr,lpush,hset,sadd,zadd
# Warm-up of the node only, every tested command, as many requests as a measured run: the JIT has compiled the
# hot paths and ParallelGC has sized its young generation, as in a long-running server (Redis needs neither).
echo "warm-up ..."
redis-benchmark -p $S -c 50 -P 16 -n "$N" -t $TESTS -q >/dev/null 2>&1
declare -A ours theirs
for round in 1 2; do
  for target in redis slotgate; do
    port=$([[ $target == redis ]] && echo $R || echo $S)
    out=$(redis-benchmark -h 127.0.0.1 -p $port -c 50 -P 16 -n "$N" -t $TESTS --csv 2>/dev/null)
    for t in SET GET INCR LPUSH HSET SADD ZADD; do
      v=$(rps "$out" "$t")
      if [[ $target == redis ]]; then theirs[$t]="${theirs[$t]:-} $v"; else ours[$t]="${ours[$t]:-} $v"; fi
    done
  done
done
echo
echo "| test | redis-server 7.0 ops/s (2 runs) | slotgate node ops/s (2 runs) | ratio (mean) |"
echo "|---|---|---|---|"
for t in SET GET INCR LPUSH HSET SADD ZADD; do
  ratio=$(awk -v a="${ours[$t]}" -v b="${theirs[$t]}" 'BEGIN { n = split(a, x, " "); split(b, y, " ");
    s = 0; r = 0; for (i = 1; i <= n; i++) { s += x[i]; r += y[i] } printf "%.2f", s / r }')
  echo "| $t |${theirs[$t]} |${ours[$t]} | $ratio |"
done

echo
echo "memory per key (1 000 000 keys, 16-byte keys, 32-byte values):"
for p in $R $S; do redis-cli -p $p flushall >/dev/null; done
sleep 1
awk 'BEGIN { v = sprintf("%032d", 7); for (i = 0; i < 1000000; i++) {
  k = sprintf("k%015d", i); printf "*3\r\n$3\r\nSET\r\n$16\r\n%s\r\n$32\r\n%s\r\n", k, v } }' > "$BENCH_TMP/keys.resp"
for target in redis slotgate; do
  port=$([[ $target == redis ]] && echo $R || echo $S)
  # MEMORY PURGE on both: jemalloc purge on Redis, a full collection on ours (used_memory = live heap).
  redis-cli -p $port memory purge >/dev/null
  before=$(redis-cli -p $port info memory | awk -F: '/^used_memory:/ { print $2+0 }')
  redis-cli -p $port --pipe < "$BENCH_TMP/keys.resp" >/dev/null
  redis-cli -p $port memory purge >/dev/null
  after=$(redis-cli -p $port info memory | awk -F: '/^used_memory:/ { print $2+0 }')
  echo "  $target: dbsize $(redis-cli -p $port dbsize), $(( (after - before) / 1000000 )) bytes/key"
done
