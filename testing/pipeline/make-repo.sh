#!/bin/sh
# Builds the git repository the pipeline tests drive through every front end (CLI, Maven goals, the action):
# see README.md beside this script. Usage: make-repo.sh DIR   (DIR must not exist or be empty)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
examples=$(cd "$here/../../examples/configuration" && pwd)
dir=$1
mkdir -p "$dir"
cd "$dir"
export GIT_AUTHOR_NAME="Pipeline Fixture" GIT_AUTHOR_EMAIL="fixture@config-cicd.invalid"
export GIT_COMMITTER_NAME="Pipeline Fixture" GIT_COMMITTER_EMAIL="fixture@config-cicd.invalid"
git init -q -b main .
git config commit.gpgsign false
mkdir -p configuration
cp -R "$examples/global" "$examples/environments" "$examples/schemas" configuration/
# The examples' settings, with production deployed to the file target and a real Redis, and watched by a smoke test
# that reads what the service would read from Redis.
sed -e 's/^  production: {protected: true}$/  production:\
    protected: true\
    targets: [local, cache]\
    monitor:\
      interval: 300ms\
      failures: 2\
      grace: 0s\
      probes:\
        - {name: smoke, command: "sh healthcheck.sh", timeout: 10s}/' \
    -e 's/^targets:$/targets:\
  cache:\
    type: redis\
    url: "${REDIS_URL}"\
    key: "config:{environment}"/' \
    "$examples/config-cicd.yaml" > configuration/config-cicd.yaml
grep -q 'healthcheck.sh' configuration/config-cicd.yaml
grep -q 'type: redis' configuration/config-cicd.yaml
cat > healthcheck.sh <<'SH'
#!/bin/sh
# The service's smoke test: it breaks when experimental features are switched on in the configuration it reads.
v=$(redis-cli -u "$REDIS_URL" HGET config:production features.experimental_features)
if [ "$v" != "false" ]; then
  echo "kgot-service unhealthy: features.experimental_features is '$v'"
  exit 1
fi
echo "kgot-service healthy"
SH
printf 'build/\nconfiguration/.config-cicd/\n' > .gitignore
commit() {
  GIT_AUTHOR_DATE="2026-11-0$1T10:00:00Z" GIT_COMMITTER_DATE="2026-11-0$1T10:00:00Z" git commit -q -am "$2"
  git tag "$3"
}
git add -A
commit 1 "Alita-KGoT configuration, deployed to production (file and redis), watched by a smoke test" base
sed -i 's/^  level: WARN$/  level: INFO/' configuration/environments/production.yaml
grep -q '^  level: INFO$' configuration/environments/production.yaml
commit 2 "production: log at INFO" good
sed -i 's/^  advanced_caching: true$/  advanced_caching: true\
  experimental_features: true/' configuration/environments/production.yaml
grep -q 'experimental_features: true' configuration/environments/production.yaml
commit 3 "production: switch on experimental features" bad
git checkout -q good -- configuration/environments/production.yaml
sed -i 's/^    host: kgot.prod.internal$/    host: kgot.prod.internal\
    port: 9091/' configuration/environments/production.yaml
grep -q 'port: 9091' configuration/environments/production.yaml
commit 4 "production: move kgot-service to port 9091" critical
git checkout -q base
