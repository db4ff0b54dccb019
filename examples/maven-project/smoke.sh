#!/bin/sh
# The smoke test config:monitor runs every round (a command probe, run in the repository's root): exit 0 is healthy.
# Here it checks that the configuration the service reads is in place; a real one would call the service, e.g.
#   curl -fsS https://orders.dev.internal/actuator/health
deployed="build/deployed/${1:-development}.json"
if [ ! -s "$deployed" ]; then
  echo "orders: no configuration at $deployed"
  exit 1
fi
echo "orders: configuration in place ($(wc -c < "$deployed") bytes)"
