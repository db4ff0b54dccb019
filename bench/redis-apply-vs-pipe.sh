#!/usr/bin/env bash
# The redis target applying N keys (default 100,000) in-process with RedisStore (staging hash, pipelined HSET
# chunks, WATCH/MULTI/RENAME switch, record, PUBLISH) against redis-cli --pipe mass insertion of the same N
# fields (RESP generated here, one HSET per field) into the same fresh redis-server, in the same run.
# Prints both times and the ratio (target <= 1.5x). Not a test: run it by hand.
#   bench/redis-apply-vs-pipe.sh [count] [chunk-size]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
count=${1:-100000}
chunk=${2:-1000}
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || { echo "needs redis-server and redis-cli (apt-get install -y redis-server)" >&2; exit 2; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

echo "building (package, tests skipped)..." >&2
mvn -B -ntp -q package -pl config-cicd-store-redis -am -DskipTests -DskipITs -Dinvoker.skip=true
mvn -B -ntp -q dependency:build-classpath -pl config-cicd-store-redis -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="config-cicd-store-redis/target/test-classes:config-cicd-store-redis/target/classes:config-cicd-core/target/classes:$(cat "$work/cp.txt")"

# RESP for redis-cli --pipe: *4 $4 HSET $<len> key $<len> field $<len> value, one command per field
awk -v n="$count" 'function bulk(s) { printf "$%d\r\n%s\r\n", length(s), s }
  BEGIN { for (i = 0; i < n; i++) { printf "*4\r\n"; bulk("HSET"); bulk("bench:pipe");
          bulk("app.section" int(i / 100) ".key" i); bulk("value-" i) } }' > "$work/pipe.resp"

start=$(date +%s%N)
redis-cli -p "$port" --pipe < "$work/pipe.resp" >"$work/pipe.out"
pipe_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$(redis-cli -p "$port" hlen bench:pipe)" = "$count" ] || { echo "redis-cli --pipe did not write $count fields" >&2; exit 1; }

out=$(java -cp "$cp" io.configcicd.store.redis.RedisApplyBenchmark "$port" bench:apply "$count" "$chunk" 5)
apply_ms=$(sed -n 's/^apply_ms=//p' <<<"$out")
first_ms=$(sed -n 's/^apply_first_ms=//p' <<<"$out")

echo "fields:                      $count (chunk $chunk)"
echo "redis-cli --pipe:            ${pipe_ms} ms"
echo "RedisStore.apply (best of 5): ${apply_ms} ms (first, cold JVM: ${first_ms} ms)"
awk -v a="$apply_ms" -v p="$pipe_ms" 'BEGIN { r = (p > 0 ? a / p : 0); printf "ratio apply / pipe:          %.2fx (target <= 1.5x)\n", r }'
