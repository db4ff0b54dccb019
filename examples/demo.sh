#!/usr/bin/env bash
# What a user sees: config-cicd run on a copy of the example configuration (the original is not touched).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cli="$here/../bin/config-cicd"
work=$(mktemp -d "${TMPDIR:-/tmp}/config-cicd-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -R "$here/configuration" "$work/configuration"
cfg="$work/configuration"

bold='' plain=''
if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; fi

heading() {
  printf '\n%s== %s%s\n' "$bold" "$1" "$plain"
}

# run HEADING ARGS...: shows and runs one command on the copy.
run() {
  heading "$1"
  shift
  printf '$ config-cicd --config-dir configuration'
  printf ' %q' "$@"
  printf '\n'
  "$cli" --config-dir "$cfg" "$@"
}

# fails HEADING ARGS...: like run, for a command that is expected to fail; prints its exit code.
fails() {
  local code=0
  run "$@" || code=$?
  echo "exit code: $code"
}

# The last steps read the configuration from git: install git when this machine has none (as bin/run-tests does).
if ! command -v git >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq git >&2
fi

# Build the jar now when it is missing, so the build does not mix with the first step.
"$cli" --version >/dev/null

run "The environments (scope global: one effective configuration each)" list --scope global
run "One value of production's effective configuration" \
  get --scope global --name production --path kgot.num_next_steps_decision
run "A subtree, as YAML" get --scope global --name production --path kgot
run "The same kind of subtree as JSON" get --scope global --name staging --path services --format json
run "A reference to an environment variable is shown as written: it holds no secret" \
  get --scope global --name production --path models.model_providers.openai.api_key
run "A secret with a literal default is masked" \
  get --scope global --name development --path database.graph_store
run "... and shown, with its references resolved, only on request" \
  get --scope global --name development --path database.graph_store.password --reveal
run "Where production's value comes from, and what it overrides" \
  explain --environment production --path kgot.num_next_steps_decision

run "Change one value: only production's override document is edited" \
  set --scope global --name production --path kgot.reasoning_depth --value 6
heading "The file changed by one line; comments and order kept"
echo '$ diff -u examples/configuration/environments/production.yaml configuration/environments/production.yaml'
diff -u --label examples/configuration/environments/production.yaml --label configuration/environments/production.yaml \
  "$here/configuration/environments/production.yaml" "$cfg/environments/production.yaml" || true
run "Read it back: an integer, not the string \"6\"" \
  get --scope global --name production --path kgot --format json

run "Validate every environment: JSON Schema, the rules of config-cicd.yaml, the security policy" \
  validate --all-environments
run "... with the rules that ran and the findings a waiver accepts (debug_ui exists in development only)" \
  validate --name production --verbose
heading "A careless change to production: debug on, a plaintext API key, an http URL"
cat >> "$cfg/environments/production.yaml" <<'YAML'

models:
  model_providers:
    openai:
      api_key: sk-demo-not-a-real-key-123456   # pasted while debugging
      base_url: http://api.openai.com/v1
YAML
sed -i 's/^    host: manager.prod.internal$/    host: manager.prod.internal\n    debug: true/' "$cfg/environments/production.yaml"
fails "Validation fails (exit 1) at the file:line of each value; the key itself is never printed" \
  validate --name production --report junit="$work/junit.xml" --report sarif="$work/config-cicd.sarif"
echo "reports written: junit.xml ($(grep -c '<testcase' "$work/junit.xml") test cases), config-cicd.sarif"
run "--fix writes the fixes the rules offer, in place, and validates again" \
  validate --name production --fix
heading "What --fix changed"
diff -u --label before --label after "$here/configuration/environments/production.yaml" "$cfg/environments/production.yaml" || true

run "Key-level differences between two environments, with the file:line of each side" \
  diff --scope global --name staging --compare production
CONFIG_CICD_KEY=$(head -c 32 /dev/urandom | base64)
export CONFIG_CICD_KEY
run "Encrypt a secret (AES-256-GCM, key from CONFIG_CICD_KEY): paste the ENC[...] under a secret key" \
  encrypt --value not-a-real-password
run "Every change above is in the audit log, each line chained to the one before" audit verify
unset CONFIG_CICD_KEY

heading "Assess a commit: the configuration in git, one commit that moves a port and turns on a feature"
(
  cd "$work" && mkdir -p src/kgot
  # the service's code, and the settings that let assess name the lines that read a changed key
  printf 'class KgotServer {\n    int port = config.getInt("services.kgot_service.port");\n}\n' > src/kgot/KgotServer.java
  printf '\nimpact:\n  consumers: ["src/**/*.java"]\n' >> configuration/config-cicd.yaml
  # what the product writes beside the configuration (audit log, journal, backups) and the file target stay out of git
  printf '.config-cicd/\nbuild/\n' > .gitignore
  git init -q -b main && git add -A && git -c user.name=demo -c user.email=demo@example.com commit -q -m "as deployed"
  sed -i 's/^    port: 8081$/    port: 8181/' configuration/global/base.yaml
  sed -i 's/^  experimental_features: false$/  experimental_features: true/' configuration/global/base.yaml
  git add -A && git -c user.name=demo -c user.email=demo@example.com commit -q -m "kgot on 8181, experiments on"
)
fails "The risk of the last commit for production (exit 1 at --fail-on high)" \
  assess --environment production --fail-on high
run "The same as Markdown, for a pull-request comment or a job summary" \
  assess --environment production --format markdown

run "Deploy development to its file target (build/deployed/development.json beside the configuration)" \
  deploy --environment development --deployment-id demo-1
run "Deploy again: every target already holds this configuration, nothing is written" \
  deploy --environment development --deployment-id demo-2
run "Monitor the deployment: each round checks the target still holds it and asks the probes (monitor: in config-cicd.yaml)" \
  monitor --environment development --deployment-id demo-1 --duration 2 --interval 500ms
sed -i 's/^  num_next_steps_decision: 3 /  num_next_steps_decision: 4 /' "$cfg/environments/development.yaml"
run "A dry run prints the plan per target (and any drift) and writes nothing" \
  deploy --environment development --dry-run
run "Drift: does each target still hold what was deployed? (exit 1 when someone edited it)" \
  drift --environment development
run "Every target reachable, readable and writable" test-stores --environment development

fails "Bad input is reported clearly, with exit code 2" get --scope global --name prod --path kgot
printf '{\n  "kgot": {\n    "reasoning_depth": 4,\n  }\n}\n' > "$cfg/environments/staging.json"
fails "A broken file (a trailing comma in staging.json) is reported at its line, exit code 2" \
  get --scope global --name staging --path kgot
