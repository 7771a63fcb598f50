#!/usr/bin/env bash
# Failover and full-sync benchmark (issue 4): Slotgate nodes vs real redis-server 7.0, same machine, same settings.
#   1. Failover time: 3 masters + 3 replicas (redis-cli --cluster create --cluster-replicas 1), node_timeout 2000 ms.
#      KILLS times: kill -9 the master of one shard (rotating over slots 0, 5461, 10923) and measure
#        - kill -> cluster_state:ok on a surviving master with the shard's slots served by another node,
#        - kill -> first successful SET (redis-cli -c through a surviving master) of a key in the killed master's slots;
#      then restart the killed node (same directory) and wait until it is back as a replica with its link up.
#      Prints min / median / max of both.
#   2. Full-sync throughput: KEYS keys (16-byte keys, 32-byte values) loaded into a master, a replica attached
#      (Slotgate: CLUSTER REPLICATE; Redis: REPLICAOF, diskless with no delay), time from that command to
#      master_link_status:up with no sync in progress; MB/s = size of the master's RDB (redis-cli --rdb) / time.
# Usage: bench/failover-vs-redis.sh [kills=10] [keys=1000000] [which=all|failover|sync]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
KILLS=${1:-10}
KEYS=${2:-1000000}
WHICH=${3:-all}
NODE_TIMEOUT=2000
ensure_jar
declare -A PID DIR

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts one node of kind slotgate|redis on port (bus = port + 10000) in its own directory (kept across restarts).
start_node() { # kind port [extra args...]
  local kind=$1 port=$2; shift 2
  DIR[$port]="$BENCH_TMP/$kind-$port"
  mkdir -p "${DIR[$port]}"
  if [[ $kind == slotgate ]]; then
    java -XX:+UseParallelGC -Xmx1g -jar "$JAR" node --port "$port" --bind 127.0.0.1 --dir "${DIR[$port]}" \
      --cluster-node-timeout $NODE_TIMEOUT "$@" >>"${DIR[$port]}/node.log" 2>&1 &
  else
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "${DIR[$port]}" \
      --logfile "${DIR[$port]}/node.log" --cluster-node-timeout $NODE_TIMEOUT --repl-diskless-sync-delay 0 "$@" &
  fi
  PID[$port]=$!; BENCH_PIDS+=($!); disown
  wait_port "$port"
}

# The port of the master serving slot $2, as node $1 sees it (empty if none).
master_of_slot() { # port slot
  redis-cli -p "$1" cluster nodes 2>/dev/null | awk -v s="$2" '$3 ~ /master/ && $3 !~ /fail/ {
    for (i = 9; i <= NF; i++) { n = split($i, r, "-"); lo = r[1] + 0; hi = (n > 1 ? r[2] : r[1]) + 0;
      if ($i !~ /^\[/ && s >= lo && s <= hi) { split($2, a, "[:@]"); print a[2]; exit } } }'
}

cluster_ok() { redis-cli -p "$1" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }

all_ok() { # ports...
  local p
  for p in "$@"; do cluster_ok "$p" || return 1; done
}

replicas_up() { # ports...: every replica among them has its link up
  local p
  for p in "$@"; do
    if redis-cli -p "$p" info replication 2>/dev/null | grep -q '^role:slave'; then
      redis-cli -p "$p" info replication | grep -q '^master_link_status:up' || return 1
    fi
  done
}

wait_for() { # seconds command...
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do
    (( $(date +%s) < deadline )) || { echo "timed out waiting for: $*" >&2; return 1; }
    sleep 0.2
  done
}

# A key whose slot is served by master port $2 (as node $1 sees it).
key_for_master() { # port master-port
  local i slot
  for i in $(seq 1 200); do
    slot=$(redis-cli -p "$1" cluster keyslot "fo:$i")
    [[ $(master_of_slot "$1" "$slot") == "$2" ]] && { echo "fo:$i"; return; }
  done
  echo "no key found for master $2" >&2; return 1
}

stats() { # numbers... -> "min / median / max"
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d / %d / %d", v[1], m, v[NR] }'
}

failover_run() { # kind base-port
  local kind=$1 base=$2 ports=() p i
  for i in 0 1 2 3 4 5; do ports+=($((base + i))); done
  for p in "${ports[@]}"; do
    if [[ $kind == redis ]]; then start_node redis "$p" --cluster-enabled yes --cluster-config-file nodes.conf
    else start_node slotgate "$p"; fi
  done
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-replicas 1 --cluster-yes >/dev/null
  wait_for 60 all_ok "${ports[@]}"
  wait_for 60 replicas_up "${ports[@]}"
  local ok_times=() write_times=() slots=(0 5461 10923)
  for k in $(seq 1 "$KILLS"); do
    local slot=${slots[$(( (k - 1) % 3 ))]}
    local victim; victim=$(master_of_slot "${ports[0]}" "$slot")
    local survivor=""
    for p in "${ports[@]}"; do
      if [[ $p != "$victim" ]] && redis-cli -p "$p" info replication | grep -q '^role:master'; then survivor=$p; break; fi
    done
    local key; key=$(key_for_master "$survivor" "$victim")
    redis-cli -c -p "$survivor" set "$key" before >/dev/null
    local t0; t0=$(now_ms)
    kill -9 "${PID[$victim]}"
    local t_ok="" t_write=""
    while [[ -z $t_ok || -z $t_write ]]; do
      local t; t=$(now_ms)
      if (( t - t0 > 60000 )); then echo "$kind kill $k: no failover within 60 s" >&2; return 1; fi
      if [[ -z $t_ok ]] && cluster_ok "$survivor"; then
        local owner; owner=$(master_of_slot "$survivor" "$slot")
        [[ -n $owner && $owner != "$victim" ]] && t_ok=$(( $(now_ms) - t0 ))
      fi
      if [[ -z $t_write ]] && [[ $(timeout 2 redis-cli -c -p "$survivor" set "$key" "v$k" 2>/dev/null) == OK ]]; then
        t_write=$(( $(now_ms) - t0 ))
      fi
      sleep 0.02
    done
    ok_times+=("$t_ok"); write_times+=("$t_write")
    echo "  $kind kill $k (master :$victim, slot $slot): cluster_state:ok after $t_ok ms, first write after $t_write ms"
    # Back as a replica of the promoted node, link up, everything ok, before the next kill.
    if [[ $kind == redis ]]; then start_node redis "$victim" --cluster-enabled yes --cluster-config-file nodes.conf
    else start_node slotgate "$victim"; fi
    wait_for 60 all_ok "${ports[@]}"
    wait_for 60 replicas_up "${ports[@]}"
    wait_for 60 bash -c "redis-cli -p $victim info replication | grep -q '^role:slave'"
  done
  echo "$kind: kill -> cluster_state:ok (ms, min / median / max): $(stats "${ok_times[@]}")"
  echo "$kind: kill -> first write (ms, min / median / max): $(stats "${write_times[@]}")"
  for p in "${ports[@]}"; do kill -9 "${PID[$p]}" 2>/dev/null || true; done
  sleep 1
}

link_synced() { # replica-port
  local info; info=$(redis-cli -p "$1" info replication)
  grep -q '^master_link_status:up' <<<"$info" && grep -q '^master_sync_in_progress:0' <<<"$info"
}

sync_run() { # kind base-port
  local kind=$1 m=$2 r=$(($2 + 1))
  if [[ $kind == redis ]]; then
    start_node redis $m; start_node redis $r
  else
    start_node slotgate $m; start_node slotgate $r
    redis-cli -p $m cluster addslotsrange 0 16383 >/dev/null
    redis-cli -p $r cluster meet 127.0.0.1 $m >/dev/null
    wait_for 60 all_ok $m $r
  fi
  redis-cli -p $m --pipe < "$BENCH_TMP/keys.resp" >/dev/null
  local bytes; bytes=$(redis-cli -p $m --rdb "$BENCH_TMP/$kind.rdb" >/dev/null 2>&1; stat -c %s "$BENCH_TMP/$kind.rdb")
  local t0; t0=$(now_ms)
  if [[ $kind == redis ]]; then
    redis-cli -p $r replicaof 127.0.0.1 $m >/dev/null
  else
    redis-cli -p $r cluster replicate "$(redis-cli -p $m cluster myid)" >/dev/null
  fi
  sleep 0.05
  until link_synced $r; do sleep 0.02; done
  local ms=$(( $(now_ms) - t0 ))
  local n; n=$(redis-cli -p $m dbsize)
  echo "$kind: $n keys, RDB $bytes bytes, REPLICATE -> link up and synced in $ms ms:" \
    "$(awk -v b="$bytes" -v t="$ms" 'BEGIN { printf "%.1f", b / 1e6 / (t / 1000) }') MB/s of RDB," \
    "$(awk -v n="$n" -v t="$ms" 'BEGIN { printf "%.0f", n / (t / 1000) }') keys/s; replica dbsize $(redis-cli -p $r dbsize)"
  kill -9 "${PID[$m]}" "${PID[$r]}" 2>/dev/null || true
  sleep 1
}

B=$((12000 + RANDOM % 8000))
echo "$(date -u '+%F %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $WHICH == all || $WHICH == failover ]]; then
  echo "failover: $KILLS kills each, 3 masters + 3 replicas, cluster-node-timeout $NODE_TIMEOUT ms"
  failover_run slotgate $B
  failover_run redis $((B + 10))
fi
if [[ $WHICH == all || $WHICH == sync ]]; then
  echo "full sync: $KEYS keys of 16 bytes with 32-byte values"
  awk -v n="$KEYS" 'BEGIN { v = sprintf("%032d", 7); for (i = 0; i < n; i++) {
    k = sprintf("k%015d", i); printf "*3\r\n$3\r\nSET\r\n$16\r\n%s\r\n$32\r\n%s\r\n", k, v } }' > "$BENCH_TMP/keys.resp"
  sync_run slotgate $((B + 20))
  sync_run redis $((B + 30))
fi
