#!/usr/bin/env bash
# The kubernetes-configmap target's plan time for a keys-layout ConfigMap of N keys (default 10,000): read the live
# ConfigMap (N keys) from fabric8's CRUD mock API server on loopback, encode and check the desired data (valid keys,
# 1 MiB), compare entry by entry (1 key in 100 changed). Best of R runs in one JVM. Not a test: run it by hand.
#   bench/kubernetes-configmap-plan.sh [count] [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
count=${1:-10000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building (test-compile)..." >&2
mvn -B -ntp -q test-compile -pl config-cicd-store-kubernetes -am -Dinvoker.skip=true
mvn -B -ntp -q dependency:build-classpath -pl config-cicd-store-kubernetes -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="config-cicd-store-kubernetes/target/test-classes:config-cicd-store-kubernetes/target/classes:config-cicd-core/target/classes:config-cicd-core/target/test-classes:$(cat "$work/cp.txt")"
java -Djava.util.logging.config.file=/dev/null -cp "$cp" io.configcicd.store.kubernetes.KubernetesPlanBenchmark "$count" "$runs" 2>/dev/null
