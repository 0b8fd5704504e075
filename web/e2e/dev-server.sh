#!/usr/bin/env bash
# Starts the simulated provider and a Parley from the built jar for running the end-to-end tests
# by hand: `web/e2e/dev-server.sh [PORT]`, then in web/: `PARLEY_URL=http://127.0.0.1:PORT npx playwright test`.
# Data lives in a fresh temporary directory; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-18080}
sim_port=$((port + 1))
java=$(bin/find-java)
jar=$(ls server/target/parley-*.jar | grep -v '\.original$' | head -n 1)
data=$(mktemp -d)
classpath="bench/target/classes:$(mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
"$java" -cp "$classpath" dev.parley.bench.sim.SimulatorMain --port "$sim_port" --tokens 20 --delay-ms 50 &
sim=$!
trap 'kill $sim $parley 2>/dev/null; rm -rf "$data"' EXIT
PARLEY_DATA_DIR="$data" SERVER_PORT="$port" PARLEY_ADMIN_EMAIL=root@example.com \
  PARLEY_ADMIN_PASSWORD=Console-Keeper-2026 OPENAI_BASE_URL="http://127.0.0.1:$sim_port/v1" OPENAI_API_KEY=sk-e2e \
  PARLEY_DEFAULT_MODEL="sim?tokens=60&delay=80" "$java" -jar "$jar" --parley.limits.anonymous-requests-per-minute=600 \
  --parley.limits.user-requests-per-minute=600 \
  --parley.support.visitor-registrations-per-minute=600 &
parley=$!
echo "PARLEY_URL=http://127.0.0.1:$port PARLEY_ADMIN_EMAIL=root@example.com PARLEY_ADMIN_PASSWORD=Console-Keeper-2026 SIMULATOR_URL=http://127.0.0.1:$sim_port/v1"
wait
