#!/usr/bin/env bash
# Prints how many AppConfig API requests a deploy and a no-change re-deploy make (against AppConfigDouble on
# loopback: request counts, not AWS latency). Run from the repository root after a build of core.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test -pl config-cicd-store-appconfig -am -Dtest=AppConfigRequestBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip=true 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep '^appconfig '
