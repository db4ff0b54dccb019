#!/usr/bin/env bash
# The redis target applying N keys (default 100,000) in-process with RedisStore (staging hash, pipelined HSET
# chunks, WATCH/MULTI/RENAME switch, record, PUBLISH) against redis-cli --pipe mass insertion of the same N
# fields (RESP generated here, one HSET per field) into the same fresh redis-server, in the same run.
# Prints both times and the ratio (target <= 1.5x). In the same run, the whole `bin/config-cicd deploy` command (a new
# JVM: read, validate, plan, apply, verify, journal) of a generated configuration of N leaves (1,000 services of N/1000
# values) to a redis target on a fresh key, then a second deploy of the same configuration, which writes nothing.
# Not a test: run it by hand.
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
mvn -B -ntp -q package -pl config-cicd-store-redis,config-cli -am -DskipTests -DskipITs -Dinvoker.skip=true
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
replace_ms=$(sed -n 's/^replace_ms=//p' <<<"$out")

echo "fields:                      $count (chunk $chunk)"
echo "redis-cli --pipe:            ${pipe_ms} ms"
echo "RedisStore.apply (best of 5): ${apply_ms} ms to a fresh key (first, cold JVM: ${first_ms} ms)"
echo "RedisStore.apply, replace:    ${replace_ms} ms (the key holds the ${count} fields already: read back, then switched)"
awk -v a="$apply_ms" -v p="$pipe_ms" 'BEGIN { r = (p > 0 ? a / p : 0); printf "ratio apply / pipe:          %.2fx (target <= 1.5x)\n", r }'

# ---------------------------------------------------------------------------------------------------------------
# The whole deploy command, twice: a fresh key, then the same configuration again (nothing to do).
services=1000
per=$(( count / services ))
conf="$work/deploy/configuration"
mkdir -p "$conf/global"
cat > "$conf/config-cicd.yaml" <<YAML
environments:
  bench: {targets: [cache]}
targets:
  cache:
    type: redis
    url: redis://127.0.0.1:$port/0
    key: "bench:deploy"
YAML
awk -v s="$services" -v k="$per" 'BEGIN { for (i = 0; i < s; i++) { printf "svc%04d:\n", i
  for (j = 0; j < k; j++) printf "  key%03d: value-%d-%d\n", j, i, j } }' > "$conf/global/base.yaml"
printf 'metadata:\n  environment: bench\n' > "$conf/environments.yaml.tmp" && mkdir -p "$conf/environments" \
  && mv "$conf/environments.yaml.tmp" "$conf/environments/bench.yaml"
leaves=$((services * per + 1))

deploy_ms() { # deploy_ms ID OUTPUT: runs the command, prints its wall time in ms
  local s
  s=$(date +%s%N)
  "$root/bin/config-cicd" --config-dir "$conf" deploy --environment bench --deployment-id "$1" > "$2" 2>&1 \
    || { echo "deploy $1 failed:" >&2; tail -5 "$2" >&2; exit 1; }
  echo $(( ($(date +%s%N) - s) / 1000000 ))
}
first_deploy_ms=$(deploy_ms bench-1 "$work/deploy-1.out")
[ "$(redis-cli -p "$port" hlen bench:deploy)" = "$leaves" ] || { echo "deploy did not write $leaves fields" >&2; exit 1; }
grep -q "applied to 1 target" "$work/deploy-1.out" || { echo "the first deploy did not apply" >&2; exit 1; }
second_deploy_ms=$(deploy_ms bench-2 "$work/deploy-2.out")
grep -q "nothing to do" "$work/deploy-2.out" || { echo "the second deploy was not a no-op" >&2; exit 1; }
[ "$(redis-cli -p "$port" hget bench:deploy:meta deployment_id)" = "bench-1" ] || { echo "the second deploy wrote" >&2; exit 1; }

echo "bin/config-cicd deploy, $leaves leaves to a fresh key:      ${first_deploy_ms} ms (whole command, new JVM)"
echo "bin/config-cicd deploy, same configuration (nothing to do): ${second_deploy_ms} ms"
