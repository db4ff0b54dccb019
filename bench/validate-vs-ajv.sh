#!/usr/bin/env bash
# Cold-process benchmark of `config-cicd validate --schema` against ajv-cli 5, measured in the same run.
#
# Usage: bench/validate-vs-ajv.sh [REPETITIONS] [FILES]
#   REPETITIONS  cold runs of each tool (default 5); the median wall-clock time of each is reported
#   FILES        how many YAML files to generate (default 1000)
# Environment: KEEP=1 keeps the generated files (their directory is printed); AJV_ONLY=1 times ajv-cli alone;
#   CONFIG_CICD_JAVA_OPTS and CONFIG_CICD_JAR (another build of the jar, e.g. config-cli/target-x/config-cicd.jar)
#   are passed on to bin/config-cicd as usual.
#
# What it does:
#   1. generates FILES realistic service configurations (30-60 lines of YAML, nested maps and lists, all valid)
#      and one JSON Schema (draft 2020-12) into a temporary directory;
#   2. installs ajv-cli@5 into bench/target/npm (npm --prefix) unless it is already there;
#   3. checks that both tools accept the valid files (exit 0) and that both reject a copy in which one file
#      breaks the schema (exit non-zero);
#   4. runs `ajv validate --spec=draft2020 --all-errors -s schema.json -d "dir/*.yaml"` and
#      `bin/config-cicd validate --schema schema.json dir/*.yaml` REPETITIONS times each, alternating, every run a
#      new process, and prints the medians of wall-clock time and of CPU time (user + system) of each, and the
#      ratios config-cicd/ajv (target: wall <= 1.00). CPU time is printed because wall time on a shared machine
#      depends on the load, and because config-cicd uses every core while ajv-cli uses one.
# bin/config-cicd builds config-cli/target/config-cicd.jar when it is missing, and writes its class-data archive
# on the first validate run after a build: step 3 runs it before anything is timed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reps=${1:-5}
count=${2:-1000}
npm_prefix="$root/bench/target/npm"
ajv="$npm_prefix/node_modules/.bin/ajv"
cli="$root/bin/config-cicd"

work=$(mktemp -d "${TMPDIR:-/tmp}/validate-vs-ajv.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "files kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# ---------------------------------------------------------------------------------------------------------------
# 1. Data: FILES service configurations and their schema.
# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$work/valid"
node - "$work" "$count" <<'EOF'
const fs = require('fs');
const path = require('path');
const [dir, count] = [process.argv[2], Number(process.argv[3])];
const teams = ['payments', 'search', 'platform', 'growth', 'identity', 'data'];
const levels = ['debug', 'info', 'warn', 'error'];
let seed = 42;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };

function service(i) {
  const name = `svc-${String(i).padStart(4, '0')}`;
  const team = teams[rnd(teams.length)];
  const lines = [
    `# ${name}: owned by team ${team}`,
    'service:',
    `  name: ${name}`,
    `  team: ${team}`,
    `  version: 1.${rnd(20)}.${rnd(100)}`,
    `  owner: ${team}@example.com`,
    'server:',
    '  host: 0.0.0.0',
    `  port: ${8000 + (i % 1000)}`,
    `  read_timeout_ms: ${1000 + rnd(9000)}`,
    `  write_timeout_ms: ${1000 + rnd(9000)}`,
    '  tls:',
    `    enabled: ${rnd(2) === 0}`,
    `    cert_file: /etc/tls/${name}.crt`,
    `    key_file: /etc/tls/${name}.key`,
    'database:',
    `  url: "postgres://db-${rnd(8)}.internal:5432/${name.replace(/-/g, '_')}"`,
    `  password: \${${name.toUpperCase().replace(/-/g, '_')}_DB_PASSWORD}`,
    '  pool:',
    `    min: ${1 + rnd(4)}`,
    `    max: ${10 + rnd(40)}`,
    'cache:',
    '  backend: redis',
    `  ttl_seconds: ${60 * (1 + rnd(30))}`,
    '  nodes:',
  ];
  for (let n = 0, k = 1 + rnd(3); n < k; n++) lines.push(`    - redis-${n}.internal:6379`);
  lines.push('features:');
  for (let n = 0, k = 2 + rnd(6); n < k; n++) lines.push(`  feature_${n}: ${rnd(2) === 0}`);
  lines.push('logging:', `  level: ${levels[rnd(levels.length)]}`, '  format: json', '  sinks:',
    '    - type: stdout', '    - type: file', `      path: /var/log/${name}.log`);
  lines.push('dependencies:');
  for (let n = 0, k = 1 + rnd(4); n < k; n++) {
    lines.push(`  - name: dep-${rnd(500)}`, `    url: "http://dep-${n}.internal:8080"`,
      `    timeout_ms: ${100 + rnd(2000)}`, `    retries: ${rnd(6)}`);
  }
  lines.push('resources:', `  cpu: "${100 * (1 + rnd(20))}m"`, `  memory: ${128 * (1 + rnd(16))}Mi`,
    `  replicas: ${1 + rnd(12)}`, 'labels:', `  tier: ${rnd(2) ? 'backend' : 'frontend'}`, `  cost_center: "cc-${rnd(90) + 10}"`);
  return lines.join('\n') + '\n';
}

for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, 'valid', `svc-${String(i).padStart(4, '0')}.yaml`), service(i));

const int = (min, max) => ({ type: 'integer', minimum: min, maximum: max });
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://example.com/service.schema.json',
  type: 'object',
  required: ['service', 'server', 'logging'],
  additionalProperties: false,
  $defs: {
    timeout: int(1, 60000),
    hostPort: { type: 'string', pattern: '^[a-z0-9.-]+:[0-9]{2,5}$' },
  },
  properties: {
    service: {
      type: 'object', required: ['name', 'team', 'version'], additionalProperties: false,
      properties: {
        name: { type: 'string', pattern: '^[a-z][a-z0-9-]{2,62}$' },
        team: { enum: teams },
        version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' },
        owner: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' },
      },
    },
    server: {
      type: 'object', required: ['port'],
      properties: {
        host: { type: 'string' },
        port: int(1, 65535),
        read_timeout_ms: { $ref: '#/$defs/timeout' },
        write_timeout_ms: { $ref: '#/$defs/timeout' },
        tls: {
          type: 'object', required: ['enabled'],
          properties: { enabled: { type: 'boolean' }, cert_file: { type: 'string' }, key_file: { type: 'string' } },
        },
      },
    },
    database: {
      type: 'object', required: ['url'],
      properties: {
        url: { type: 'string', pattern: '^postgres://' },
        password: { type: 'string', pattern: '^\\$\\{[A-Z0-9_]+\\}$' },
        pool: { type: 'object', properties: { min: int(0, 100), max: int(1, 1000) } },
      },
    },
    cache: {
      type: 'object',
      properties: {
        backend: { enum: ['redis', 'memcached', 'none'] },
        ttl_seconds: int(0, 86400),
        nodes: { type: 'array', minItems: 1, items: { $ref: '#/$defs/hostPort' } },
      },
    },
    features: { type: 'object', additionalProperties: { type: 'boolean' } },
    logging: {
      type: 'object', required: ['level'],
      properties: {
        level: { enum: levels },
        format: { enum: ['json', 'text'] },
        sinks: {
          type: 'array',
          items: {
            type: 'object', required: ['type'],
            properties: { type: { enum: ['stdout', 'file', 'syslog'] }, path: { type: 'string' } },
          },
        },
      },
    },
    dependencies: {
      type: 'array',
      items: {
        type: 'object', required: ['name', 'url'], additionalProperties: false,
        properties: {
          name: { type: 'string' }, url: { type: 'string', pattern: '^https?://' },
          timeout_ms: { $ref: '#/$defs/timeout' }, retries: int(0, 10),
        },
      },
    },
    resources: {
      type: 'object',
      properties: {
        cpu: { type: 'string', pattern: '^[0-9]+m?$' },
        memory: { type: 'string', pattern: '^[0-9]+(Mi|Gi)$' },
        replicas: int(1, 100),
      },
    },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
  },
};
fs.writeFileSync(path.join(dir, 'schema.json'), JSON.stringify(schema, null, 2) + '\n');
EOF

# A copy in which one file breaks the schema (a port that is not a number).
cp -r "$work/valid" "$work/broken"
broken="$work/broken/svc-$(printf '%04d' $((count / 2))).yaml"
sed -i 's/^  port: .*/  port: eighty/' "$broken"

lines=$(cat "$work"/valid/*.yaml | wc -l)
echo "data: $count YAML files, $lines lines ($((lines / count)) per file on average), schema $work/schema.json"

# ---------------------------------------------------------------------------------------------------------------
# 2. ajv-cli, installed once into bench/target/npm (gitignored through target/).
# ---------------------------------------------------------------------------------------------------------------
if [ ! -x "$ajv" ]; then
  echo "installing ajv-cli@5 into $npm_prefix"
  npm install --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error ajv-cli@5 >/dev/null
fi

run_ajv() { # DIR
  "$ajv" validate --spec=draft2020 --all-errors -s "$work/schema.json" -d "$1/*.yaml" >/dev/null 2>"$work/ajv.err"
}
run_cicd() { # DIR
  "$cli" validate --schema "$work/schema.json" "$1"/*.yaml >/dev/null 2>"$work/cicd.err"
}

# exit code of a command, without set -e stopping the script
status() { if "$@"; then echo 0; else echo $?; fi; }

# ---------------------------------------------------------------------------------------------------------------
# 3. Agreement: both accept the valid files, both reject the broken copy.
# ---------------------------------------------------------------------------------------------------------------
tools=(ajv)
if [ "${AJV_ONLY:-0}" != 1 ]; then
  tools+=(cicd)
  if ! "$cli" validate --help 2>/dev/null | grep -q -- '--schema'; then
    echo "bin/config-cicd has no 'validate --schema' yet: rebuild the CLI (mvn -B -ntp -DskipTests -pl config-cli -am package)" >&2
    exit 2
  fi
fi
agree=0
for t in "${tools[@]}"; do
  ok=$(status "run_$t" "$work/valid")
  bad=$(status "run_$t" "$work/broken")
  echo "agreement: $t exits $ok on the valid files, $bad on the copy with one broken file"
  if [ "$ok" != 0 ]; then
    echo "  FAIL: $t rejected valid files:" >&2; head -5 "$work/$t.err" >&2; agree=1
  fi
  if [ "$bad" = 0 ]; then
    echo "  FAIL: $t accepted $broken" >&2; agree=1
  fi
done

# ---------------------------------------------------------------------------------------------------------------
# 4. Timing: cold processes, alternating, REPETITIONS each; the medians of wall-clock time and of CPU time
#    (user + system, of the process and its children: which does not depend on how many cores a tool uses).
# ---------------------------------------------------------------------------------------------------------------
measure() { # TOOL DIR: prints "WALL_MS CPU_MS"
  local out TIMEFORMAT='%R %U %S'
  out=$( { time "run_$1" "$2"; } 2>&1 ) || return 1
  awk -v t="$out" 'BEGIN { split(t, a, " "); printf "%d %d", a[1] * 1000, (a[2] + a[3]) * 1000 }'
}
declare -A wall cpu
for ((i = 1; i <= reps; i++)); do
  for t in "${tools[@]}"; do
    m=$(measure "$t" "$work/valid") || { echo "$t failed during timing" >&2; exit 1; }
    wall[$t]+="${m% *} "
    cpu[$t]+="${m#* } "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
declare -A mw mc
for t in "${tools[@]}"; do
  mw[$t]=$(echo "${wall[$t]}" | median)
  mc[$t]=$(echo "${cpu[$t]}" | median)
done
echo "machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg) after the runs"
printf '%-12s median wall %6d ms, median cpu %6d ms   (wall: %s)\n' "ajv-cli 5" "${mw[ajv]}" "${mc[ajv]}" "${wall[ajv]% }"
if [ "${AJV_ONLY:-0}" != 1 ]; then
  printf '%-12s median wall %6d ms, median cpu %6d ms   (wall: %s)\n' "config-cicd" "${mw[cicd]}" "${mc[cicd]}" "${wall[cicd]% }"
  ratio() { awk -v a="$1" -v c="$2" 'BEGIN { printf "%.2f", c / a }'; }
  echo "ratio config-cicd/ajv: wall $(ratio "${mw[ajv]}" "${mw[cicd]}"), cpu $(ratio "${mc[ajv]}" "${mc[cicd]}") (target: wall <= 1.00)"
fi
exit $agree
