#!/usr/bin/env bash
# The HTTP requests of a consul deploy of N keys (default 10,000) to an empty target, as the deploy engine makes
# it (read, apply through /v1/txn, verify), and of a no-change re-deploy of the same content, counted by the
# Consul double of config-cicd-store-consul's tests (there is no Consul agent here). Target: ceil(N/64)
# transactions plus a constant for the deploy (the record's check rides in the first transaction, its write in the
# last: ceil((N+2)/64) transactions, 157 for 10,000 keys, + 4 reads = 161 requests); reads only, no write, for the
# re-deploy. Not a test: run it by hand.
#   bench/consul-requests.sh [keys] [max_txn_ops]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
keys=${1:-10000}
ops=${2:-64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building (test-compile)..." >&2
mvn -B -ntp -q test-compile -pl config-cicd-store-consul -am -Dinvoker.skip=true
mvn -B -ntp -q dependency:build-classpath -pl config-cicd-store-consul -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="config-cicd-store-consul/target/test-classes:config-cicd-store-consul/target/classes:config-cicd-core/target/classes:$(cat "$work/cp.txt")"
java -cp "$cp" io.configcicd.store.consul.ConsulDeployRequests "$keys" "$ops"
