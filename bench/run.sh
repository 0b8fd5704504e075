#!/usr/bin/env bash
# Runs Parley's streaming benchmark end to end with one command:
#   bench/run.sh [driver flags...]        e.g. bench/run.sh --levels 1,100 --capacity 2000
# It builds the project, raises the open-files limit, starts the simulated provider (its own JVM)
# and Parley (from its jar, fresh temporary data directory, -Xmx512m), waits for /health, runs the
# benchmark driver, prints the machine and the markdown report, and writes the report to a file.
# The floors it compares Parley with are started here too (bench/nginx.sh): an nginx SSE relay in
# front of the simulator (--relay none skips it) and, for the gateway rows (--gateway none skips
# them), an nginx returning a fixed chat.completion, which Parley gets as the stored provider
# "fixed", and an nginx proxy in front of it, both loaded with wrk by the driver.
# With --cluster (bench/cluster.sh) the same streaming rows are then measured through a cluster:
# two Parley instances on a fresh PostgreSQL database and a private Redis behind nginx running
# deploy/nginx/parley.conf, reported after the single-instance figures in the same report.
# Everything it started is stopped on exit. See docs/PERFORMANCE.md.
# bench/run.sh --export runs the export benchmark instead (bench/export.sh).
# With --import it runs only the import benchmark instead (bench/import.sh: a 100 MB ChatGPT export
# imported over HTTP; docs/PERFORMANCE.md, "Import").
#
# Environment (all optional):
#   BENCH_JAVA_HOME   JDK 25 to use            (/usr/lib/jvm/temurin-25-jdk-amd64)
#   SIM_PORT          simulator port           (9090)
#   PARLEY_PORT       Parley port              (8080)
#   BENCH_OUT         report file              (bench/target/bench-results.md)
#   BENCH_SKIP_BUILD  1 = use the existing build
#   PARLEY_JAR        this server jar instead of the built one (builds compared by alternating runs)
#   PARLEY_HEAP       Parley's -Xmx            (512m, the SPEC target)
#   PARLEY_JAVA_OPTS  extra JVM/Spring options for Parley (e.g. -Dserver.jetty.max-connections=30000)
#   SIM_JAVA_OPTS     JVM options for the simulator   (-Xmx1g)
#   DRIVER_JAVA_OPTS  JVM options for the driver      (-Xms512m -Xmx2g)
#   DRIVER_TIMEOUT_S  hard limit on the driver run    (1200)
#   NGINX_RELAY_PORT  port of the nginx SSE relay in front of the simulator (9093); --relay none skips it
#   NGINX_FIXED_PORT  port of the nginx answering a fixed chat.completion (9094); --gateway none skips it
#   NGINX_PROXY_PORT  port of the nginx proxying that upstream, the gateway floor (9095)
#   NGINX_WORKERS     nginx worker_processes (auto)
#   IDLE_RSS_DELAY_S  seconds after ready before Parley's idle RSS is read (3)
#   CLUSTER_*         ports and PostgreSQL server of --cluster (bench/cluster.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# bench/run.sh --export [--messages N] [--db h2|postgresql|both] [--formats ...]: the export
# benchmark alone (bench/export.sh), never part of the streaming run.
if [[ "${1:-}" == --export ]]; then
	exec "$ROOT/bench/export.sh" "${@:2}"
fi
JAVA_HOME_25="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME_25/bin/java"
SIM_PORT="${SIM_PORT:-9090}"
PARLEY_PORT="${PARLEY_PORT:-8080}"
OUT="${BENCH_OUT:-$ROOT/bench/target/bench-results.md}"
LOG_DIR="$ROOT/bench/target/bench-logs"
PARLEY_HEAP="${PARLEY_HEAP:-512m}"
SIM_JAVA_OPTS="${SIM_JAVA_OPTS:--Xmx1g}"
DRIVER_JAVA_OPTS="${DRIVER_JAVA_OPTS:--Xms512m -Xmx2g}"
DRIVER_TIMEOUT_S="${DRIVER_TIMEOUT_S:-1200}"
PARLEY_JAVA_OPTS="${PARLEY_JAVA_OPTS:-}"
NGINX_RELAY_PORT="${NGINX_RELAY_PORT:-9093}"
NGINX_FIXED_PORT="${NGINX_FIXED_PORT:-9094}"
NGINX_PROXY_PORT="${NGINX_PROXY_PORT:-9095}"

say() { echo "run.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

STARTED_PIDS=()
DATA_DIR=""
CLUSTER_DATA_DIRS=()
cleanup() {
	local pid
	for pid in "${STARTED_PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${STARTED_PIDS[@]}"; do
		for _ in $(seq 1 30); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.5
		done
		kill -9 "$pid" 2>/dev/null || true
	done
	if [[ -n "$DATA_DIR" && -d "$DATA_DIR" ]]; then
		rm -rf "$DATA_DIR"
	fi
	for dir in "${CLUSTER_DATA_DIRS[@]}"; do
		rm -rf "$dir"
	done
	if declare -F cluster_cleanup >/dev/null; then
		cluster_cleanup
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for NAME PID SECONDS CHECK...: polls CHECK until it succeeds, the process dies, or time runs out.
wait_for() {
	local name="$1" pid="$2" seconds="$3"
	shift 3
	local deadline=$((SECONDS + seconds))
	until "$@" >/dev/null 2>&1; do
		kill -0 "$pid" 2>/dev/null || { tail -n 40 "$LOG_DIR/$name.log" >&2; die "$name exited during start-up (log: $LOG_DIR/$name.log)"; }
		((SECONDS < deadline)) || { tail -n 40 "$LOG_DIR/$name.log" >&2; die "$name not ready after ${seconds}s (log: $LOG_DIR/$name.log)"; }
		sleep 0.5
	done
}

machine() {
	echo "## Machine"
	echo
	echo "- nproc: $(nproc)"
	echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "- Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "- Open files limit: $(ulimit -n)"
	echo "- Load average (1, 5, 15 min) when printed: $(cut -d" " -f1-3 /proc/loadavg)"
	echo "- Java (\`$JAVA -version\`):"
	echo
	echo '```'
	"$JAVA" -version 2>&1
	echo '```'
	echo
}

# The capacity the driver will be asked for (its default is 10,000), to check the open-files limit.
capacity=10000
relay=on
gateway=on
cluster=off
args=("$@")
[[ " ${args[*]} " == *" --import "* ]] && exec "$(dirname "$0")/import.sh"
driver_args=()
for ((i = 0; i < ${#args[@]}; i++)); do
	[[ "${args[$i]}" == --cluster ]] && { cluster=on; continue; }
	driver_args+=("${args[$i]}")
	case "${args[$i]}" in
	--capacity) capacity="${args[$((i + 1))]:-$capacity}" ;;
	--capacity=*) capacity="${args[$i]#--capacity=}" ;;
	--relay) [[ "${args[$((i + 1))]:-}" == none ]] && relay=off ;;
	--relay=none) relay=off ;;
	--gateway) [[ "${args[$((i + 1))]:-}" == none ]] && gateway=off ;;
	--gateway=none) gateway=off ;;
	esac
done

[[ -x "$JAVA" ]] || die "no JDK 25 at $JAVA_HOME_25 (set BENCH_JAVA_HOME)"
mkdir -p "$LOG_DIR" "$(dirname "$OUT")"
cd "$ROOT"

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
	say "building (mvn -B -q -DskipTests package)"
	mvn -B -q -DskipTests package >"$LOG_DIR/build.log" 2>&1 || { tail -n 40 "$LOG_DIR/build.log" >&2; die "build failed (log: $LOG_DIR/build.log)"; }
fi
mvn -B -q -pl bench dependency:build-classpath -DincludeScope=runtime \
	-Dmdep.outputFile="$ROOT/bench/target/bench-classpath.txt" >"$LOG_DIR/classpath.log" 2>&1 \
	|| { tail -n 20 "$LOG_DIR/classpath.log" >&2; die "could not resolve the bench classpath"; }
BENCH_JAR="$(ls "$ROOT"/bench/target/parley-bench-*.jar 2>/dev/null | grep -v -E 'sources|javadoc' | head -n 1 || true)"
CP="${BENCH_JAR:-$ROOT/bench/target/classes}:$(cat "$ROOT/bench/target/bench-classpath.txt")"
PARLEY_JAR="${PARLEY_JAR:-$(ls "$ROOT"/server/target/parley-*.jar 2>/dev/null | grep -v -E 'sources|javadoc|plain' | head -n 1 || true)}"
[[ -n "$PARLEY_JAR" ]] || die "no server/target/parley-*.jar; did the build run?"

# Each held stream costs Parley two sockets (client and upstream), the driver and the simulator one each.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
needed=$((2 * capacity + 2000))
if [[ "$(ulimit -n)" != "unlimited" && "$(ulimit -n)" -lt "$needed" ]]; then
	say "WARNING: open-files limit $(ulimit -n) (hard $(ulimit -Hn)) is below the $needed Parley needs for $capacity streams;"
	say "WARNING: the capacity phase will fail with 'Too many open files' past about $(( ($(ulimit -n) - 2000) / 2 )) streams."
fi

machine

# shellcheck source=bench/nginx.sh
source "$ROOT/bench/nginx.sh"
if [[ "$cluster" == on ]]; then
	# shellcheck source=bench/cluster.sh
	source "$ROOT/bench/cluster.sh"
	cluster_preflight
fi

port_in_use "$SIM_PORT" && die "port $SIM_PORT is in use (set SIM_PORT)"
port_in_use "$PARLEY_PORT" && die "port $PARLEY_PORT is in use (set PARLEY_PORT)"

say "starting the simulator on 127.0.0.1:$SIM_PORT"
# shellcheck disable=SC2086
"$JAVA" $SIM_JAVA_OPTS -cp "$CP" dev.parley.bench.sim.SimulatorMain --port "$SIM_PORT" --host 127.0.0.1 \
	--ttft-ms 0 --tokens 20 --delay-ms 0 >"$LOG_DIR/sim.log" 2>&1 &
SIM_PID=$!
STARTED_PIDS+=("$SIM_PID")
wait_for sim "$SIM_PID" 30 port_in_use "$SIM_PORT"

# The floor for any SSE relay: nginx in front of the same simulator, measured as a third path.
RELAY_ARGS=()
if [[ "$relay" == on ]]; then
	ensure_nginx
	nginx_relay_start "$NGINX_RELAY_PORT" "$SIM_PORT"
	RELAY_ARGS=(--relay "http://127.0.0.1:$NGINX_RELAY_PORT/v1" --relay-pids "$RELAY_PIDS")
fi
# The gateway throughput rows: an nginx answering a fixed completion (zero-latency upstream) and an
# nginx proxying it (the floor), loaded with wrk; Parley is pointed at the same upstream below.
if [[ "$gateway" == on ]]; then
	ensure_nginx
	ensure_wrk
	nginx_gateway_start "$NGINX_FIXED_PORT" "$NGINX_PROXY_PORT"
fi

DATA_DIR="$(mktemp -d -t parley-bench-XXXXXX)"
say "starting Parley on 127.0.0.1:$PARLEY_PORT (-Xmx$PARLEY_HEAP, data in $DATA_DIR)"
# shellcheck disable=SC2086
# A throw-away administrator for this run's fresh database; its API key carries the streams.
# The JVM arguments of every Parley the benchmark starts (bench/cluster.sh's too): the heap, upstream
# slots for the capacity phase, and the per-user, per-key and token limits off.
PARLEY_BENCH_JVM_ARGS=("-Xmx$PARLEY_HEAP" --enable-native-access=ALL-UNNAMED
	"-Dparley.provider.max-concurrency=$((capacity + 5000))"
	"-Dparley.provider.max-concurrency-per-provider=$((capacity + 5000))"
	-Dparley.limits.user-requests-per-minute=0 -Dparley.limits.api-key-requests-per-minute=0
	-Dparley.limits.user-tokens-per-day=0)
BENCH_EMAIL="bench@parley.local"
BENCH_PASSWORD="Load-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)-1"
PARLEY_START_NS="$(date +%s%N)"
OPENAI_BASE_URL="http://127.0.0.1:$SIM_PORT/v1" OPENAI_API_KEY=bench PARLEY_DEFAULT_MODEL=sim \
	PARLEY_DATA_DIR="$DATA_DIR" SERVER_PORT="$PARLEY_PORT" \
	PARLEY_ADMIN_EMAIL="$BENCH_EMAIL" PARLEY_ADMIN_PASSWORD="$BENCH_PASSWORD" \
	"$JAVA" "${PARLEY_BENCH_JVM_ARGS[@]}" $PARLEY_JAVA_OPTS -jar "$PARLEY_JAR" >"$LOG_DIR/parley.log" 2>&1 &
PARLEY_PID=$!
STARTED_PIDS+=("$PARLEY_PID")
# Start to ready: polled every 20 ms so the figure is not rounded to the 0.5 s of wait_for.
ready_deadline=$((SECONDS + 90))
until curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PARLEY_PORT/health"; do
	kill -0 "$PARLEY_PID" 2>/dev/null || { tail -n 40 "$LOG_DIR/parley.log" >&2; die "parley exited during start-up (log: $LOG_DIR/parley.log)"; }
	((SECONDS < ready_deadline)) || { tail -n 40 "$LOG_DIR/parley.log" >&2; die "parley not ready after 90s (log: $LOG_DIR/parley.log)"; }
	sleep 0.02
done
START_TO_READY_MS=$((($(date +%s%N) - PARLEY_START_NS) / 1000000))
# Idle RSS: a few seconds after ready, before the first login or any load.
sleep "${IDLE_RSS_DELAY_S:-3}"
IDLE_RSS_KB="$(awk '/^VmRSS:/ {print $2}' "/proc/$PARLEY_PID/status" 2>/dev/null || echo -1)"
say "Parley ready after ${START_TO_READY_MS} ms; idle RSS ${IDLE_RSS_KB} kB"

# json_field FIELD: reads one string field of the JSON object on stdin.
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
ACCESS_TOKEN="$(curl -sf -H 'Content-Type: application/json' \
	-d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" \
	"http://127.0.0.1:$PARLEY_PORT/api/v1/auth/login" | json_field access_token)" || die "cannot log in to Parley"
PARLEY_BENCH_KEY="$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $ACCESS_TOKEN" \
	-d '{"name":"bench"}' "http://127.0.0.1:$PARLEY_PORT/api/v1/api-keys" | json_field key)" \
	|| die "cannot create an API key"
export PARLEY_BENCH_KEY

# A stored provider whose base URL is the fixed nginx, so that model fixed/fixed reaches it.
GATEWAY_ARGS=()
if [[ "$gateway" == on ]]; then
	curl -sf -o "$LOG_DIR/gateway-provider.json" -H 'Content-Type: application/json' -H "Authorization: Bearer $ACCESS_TOKEN" \
		-d "{\"name\":\"fixed\",\"base_url\":\"http://127.0.0.1:$NGINX_FIXED_PORT/v1\",\"api_keys\":[\"bench\"],\"models\":[\"fixed\"]}" \
		"http://127.0.0.1:$PARLEY_PORT/api/v1/admin/providers" || die "cannot register the fixed upstream as a provider in Parley"
	status="$(curl -s -o "$LOG_DIR/gateway-check.json" -w '%{http_code}' -H 'Content-Type: application/json' \
		-H "Authorization: Bearer $PARLEY_BENCH_KEY" -d '{"model":"fixed/fixed","messages":[{"role":"user","content":"check"}]}' \
		"http://127.0.0.1:$PARLEY_PORT/v1/chat/completions")" || true
	[[ "$status" == 200 ]] || say "WARNING: Parley's gateway answered $status to model fixed/fixed (see $LOG_DIR/gateway-check.json)"
	GATEWAY_ARGS=(--gateway-upstream "http://127.0.0.1:$NGINX_FIXED_PORT/v1" --gateway-proxy "http://127.0.0.1:$NGINX_PROXY_PORT/v1"
		--gateway-model fixed/fixed --gateway-upstream-pids "$FIXED_PIDS" --gateway-proxy-pids "$PROXY_PIDS")
fi

say "running the driver (hard limit ${DRIVER_TIMEOUT_S}s; progress below, report at the end)"
set +e
# shellcheck disable=SC2086
timeout --kill-after=10 "$DRIVER_TIMEOUT_S" "$JAVA" $DRIVER_JAVA_OPTS -cp "$CP" dev.parley.bench.driver.BenchmarkMain \
	--parley "http://127.0.0.1:$PARLEY_PORT" --sim "http://127.0.0.1:$SIM_PORT/v1" \
	--parley-pid "$PARLEY_PID" --sim-pid "$SIM_PID" \
	--start-to-ready-ms "$START_TO_READY_MS" --idle-rss-kb "${IDLE_RSS_KB:--1}" "${RELAY_ARGS[@]}" "${GATEWAY_ARGS[@]}" --out "$LOG_DIR/driver-report.md" "${driver_args[@]}" \
	>"$LOG_DIR/driver-stdout.md"
rc=$?
set -e

{
	cat "$LOG_DIR/driver-report.md" 2>/dev/null || cat "$LOG_DIR/driver-stdout.md"
	echo
	machine
	echo "Started by \`bench/run.sh $*\`: simulator \`$SIM_JAVA_OPTS\`, Parley \`-Xmx$PARLEY_HEAP $PARLEY_JAVA_OPTS\`" \
		"from $(basename "$PARLEY_JAR") with an empty H2 data directory; logs in bench/target/bench-logs/."
} >"$OUT"
if [[ "$cluster" == on ]]; then
	# The single instance is stopped first: the cluster's figures are not shared with an idle JVM.
	kill "$PARLEY_PID" 2>/dev/null || true
	for _ in $(seq 1 60); do
		kill -0 "$PARLEY_PID" 2>/dev/null || break
		sleep 0.5
	done
	cluster_start
	set +e
	cluster_run "${driver_args[@]}"
	cluster_rc=$?
	set -e
	[[ "$rc" -eq 0 ]] && rc="$cluster_rc"
fi
cat "$OUT"
case "$rc" in
0) say "report written to $OUT" ;;
3) say "WARNING: some streams failed or were dropped; report written to $OUT" ;;
124 | 137) say "ERROR: the driver hit the ${DRIVER_TIMEOUT_S}s limit and was stopped" ;;
*) say "ERROR: the driver exited with status $rc (see $LOG_DIR)" ;;
esac
exit "$rc"
