#!/usr/bin/env bash
# Foundation benchmarks (JMH): get(path) latency and load + merge of 1,000 files against Jackson,
# measured in the same run. Usage: bench/run.sh [quick]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -q -B -ntp -DskipTests -pl config-benchmarks -am package
java -Dbench.configDir="$root/examples/configuration" -jar config-benchmarks/target/benchmarks.jar "$@"
