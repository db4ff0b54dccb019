#!/usr/bin/env bash
# Cold-process benchmark of `config-cicd assess` against `git diff --stat` on the same two commits, in one run.
#
# Usage: bench/assess-vs-git.sh [REPETITIONS] [FILES] [KEYS_PER_FILE]
#   REPETITIONS    cold runs of each command (default 5); medians are reported
#   FILES          files the commit changes (default 2000)
#   KEYS_PER_FILE  keys changed in each file (default 10: 2,000 files x 10 = 20,000 keys)
# Environment: KEEP=1 keeps the generated repository (its directory is printed); CONFIG_CICD=path runs another
#   launcher than bin/config-cicd (for example `java -jar some/config-cicd.jar` through a wrapper script).
#
# What it does:
#   1. writes a git repository whose configuration/global/ holds FILES YAML documents, each a service with
#      KEYS_PER_FILE values (ports, hosts, timeouts, flags, log levels: the risk rules see every kind),
#      and environments/{development,staging,production}.yaml overriding a few keys; commits it;
#   2. changes every one of those values in every file (FILES files, FILES x KEYS_PER_FILE keys) and commits;
#   3. checks that assess sees FILES x KEYS_PER_FILE effective changes in production;
#   4. times `config-cicd assess --environment production --commit-hash HEAD --base HEAD~1 --format json` and
#      `git diff --stat HEAD~1 HEAD` REPETITIONS times each, alternating, each a new process, and prints the
#      medians and the ratio. Target: assess under 2 s.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reps=${1:-5}
files=${2:-2000}
keys=${3:-10}
cli=${CONFIG_CICD:-"$root/bin/config-cicd"}

work=$(mktemp -d "${TMPDIR:-/tmp}/assess-vs-git.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "repository kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# ---------------------------------------------------------------------------------------------------------------
# 1. and 2. The repository and its two commits.
generate() { # generate VERSION: every global document, values depending on VERSION (0 or 1)
  awk -v files="$files" -v keys="$keys" -v v="$1" -v dir="$work/configuration/global" 'BEGIN {
    split("port host timeout_seconds max_retries enabled log_level base_url pool_size model cache_ttl", kind, " ")
    for (f = 0; f < files; f++) {
      out = sprintf("%s/svc%04d.yaml", dir, f)
      printf "# service %d\nsvc%04d:\n", f, f > out
      for (k = 0; k < keys; k++) {
        name = kind[(k % 10) + 1]
        if (name == "port") value = 8000 + (f % 900) + v
        else if (name == "host") value = sprintf("svc%d-v%d.internal", f, v)
        else if (name == "timeout_seconds") value = 30 + 5 * v
        else if (name == "max_retries") value = 3 + v
        else if (name == "enabled") value = (v == 0 ? "true" : "false")
        else if (name == "log_level") value = (v == 0 ? "info" : "debug")
        else if (name == "base_url") value = sprintf("https://svc%d-v%d.example.org", f, v)
        else if (name == "pool_size") value = 10 + v
        else if (name == "model") value = sprintf("model-v%d", v)
        else value = 60 * (v + 1)
        if (k % 10 == 0) printf "  listener%d:\n", int(k / 10) >> out
        printf "    %s: %s\n", name, value >> out
      }
      close(out)
    }
  }'
}

cd "$work"
git init -q -b main .
git config user.email bench@example.org
git config user.name bench
mkdir -p configuration/global configuration/environments
cat > configuration/config-cicd.yaml <<'YAML'
environments:
  development: {}
  staging: {}
  production: {protected: true}
YAML
for env in development staging production; do
  printf 'metadata:\n  environment: %s\nsvc0000:\n  listener0:\n    log_level: warn\n' "$env" > "configuration/environments/$env.yaml"
done
generate 0
git add -A && git commit -q -m "base: $files services"
generate 1
git add -A && git commit -q -m "change $files files, $((files * keys)) keys"
echo "repository: $files files changed, $((files * keys)) keys; $(git diff --shortstat HEAD~1 HEAD)"

# ---------------------------------------------------------------------------------------------------------------
# 3. Correctness first: the assessment sees every effective change (one key per file is overridden by
#    production only in svc0000, so that key is no effective change).
expected=$((files * keys - 1))
"$cli" assess --config-dir configuration --environment production --commit-hash HEAD --base HEAD~1 --format json \
  > "$work/assess.json" || { echo "assess failed" >&2; exit 1; }
seen=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["changes"]), d["risk_level"])' \
  "$work/assess.json")
echo "assess: $seen (changes, risk level); expected $expected changes"
[ "${seen%% *}" = "$expected" ] || { echo "assess saw ${seen%% *} changes, expected $expected" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# 4. Timing, alternating, each a cold process.
now_ms() { date +%s%3N; }
declare -a t_assess t_git
for ((i = 0; i < reps; i++)); do
  s=$(now_ms)
  "$cli" assess --config-dir configuration --environment production --commit-hash HEAD --base HEAD~1 \
    --format json > /dev/null
  t_assess+=($(($(now_ms) - s)))
  s=$(now_ms)
  git diff --stat HEAD~1 HEAD > /dev/null
  t_git+=($(($(now_ms) - s)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
ma=$(median "${t_assess[@]}")
mg=$(median "${t_git[@]}")
echo "config-cicd assess  median ${ma} ms  (runs: ${t_assess[*]})"
echo "git diff --stat     median ${mg} ms  (runs: ${t_git[*]})"
awk -v a="$ma" -v g="$mg" 'BEGIN { printf "ratio assess / git diff --stat: %.1fx; target assess < 2000 ms: %s\n",
  a / (g > 0 ? g : 1), (a < 2000 ? "met" : "NOT met") }'
