# Sourced by bench/run.sh for --cluster: the same streaming rows measured through a cluster, two
# Parley instances on PostgreSQL and Redis behind nginx running deploy/nginx/parley.conf (the
# deployment's own file), after the single-instance run on H2. Everything is the run's own: a fresh
# PostgreSQL database on 127.0.0.1:5432 (created here, dropped on exit), a private redis-server,
# and an nginx whose conf prefix holds the generated parley/upstream.conf and parley/listen.conf.
# Needs say, die, port_in_use, wait_for, json_field, STARTED_PIDS, JAVA, PARLEY_JAR, LOG_DIR, ROOT,
# SIM_PORT, PARLEY_HEAP, PARLEY_BENCH_JVM_ARGS and PARLEY_JAVA_OPTS from run.sh, and nginx.sh.
#
# Environment (all optional):
#   CLUSTER_NGINX_PORT    nginx in front of the instances     (9096)
#   CLUSTER_PARLEY_PORTS  the two instances' ports            (9097,9098)
#   CLUSTER_REDIS_PORT    the private redis-server            (9099)
#   CLUSTER_PG_HOST, CLUSTER_PG_PORT, CLUSTER_PG_USER  the PostgreSQL server (127.0.0.1, 5432, postgres)

CLUSTER_NGINX_PORT="${CLUSTER_NGINX_PORT:-9096}"
CLUSTER_PARLEY_PORTS="${CLUSTER_PARLEY_PORTS:-9097,9098}"
CLUSTER_REDIS_PORT="${CLUSTER_REDIS_PORT:-9099}"
CLUSTER_PG_HOST="${CLUSTER_PG_HOST:-127.0.0.1}"
CLUSTER_PG_PORT="${CLUSTER_PG_PORT:-5432}"
CLUSTER_PG_USER="${CLUSTER_PG_USER:-postgres}"
CLUSTER_DB=""
CLUSTER_PIDS=()

# cluster_cleanup: drops the run's database (the processes are in STARTED_PIDS); run.sh's exit trap.
cluster_cleanup() {
	[[ -n "$CLUSTER_DB" ]] || return 0
	# The instances hold connections until they have exited (run.sh's cleanup waits for them).
	dropdb -h "$CLUSTER_PG_HOST" -p "$CLUSTER_PG_PORT" -U "$CLUSTER_PG_USER" --if-exists --force "$CLUSTER_DB" \
		>>"$LOG_DIR/cluster-db.log" 2>&1 || say "WARNING: could not drop database $CLUSTER_DB (log: $LOG_DIR/cluster-db.log)"
	CLUSTER_DB=""
}

# cluster_preflight: fails before any load when the cluster cannot be set up.
cluster_preflight() {
	command -v redis-server >/dev/null || die "--cluster needs redis-server (apt-get install redis-server)"
	command -v createdb >/dev/null && command -v psql >/dev/null || die "--cluster needs PostgreSQL's client tools (createdb, psql)"
	psql -h "$CLUSTER_PG_HOST" -p "$CLUSTER_PG_PORT" -U "$CLUSTER_PG_USER" -d postgres -tAc 'SELECT 1' >/dev/null 2>&1 \
		|| die "--cluster needs PostgreSQL on $CLUSTER_PG_HOST:$CLUSTER_PG_PORT (user $CLUSTER_PG_USER, trust); .ci/run starts it"
	ensure_nginx
	local port
	for port in "$CLUSTER_NGINX_PORT" "$CLUSTER_REDIS_PORT" ${CLUSTER_PARLEY_PORTS//,/ }; do
		port_in_use "$port" && die "port $port is in use (set the CLUSTER_*_PORT variables)"
	done
	return 0
}

# cluster_start: the database, Redis, both instances (one after the other: the first migrates the
# fresh database and creates the administrator) and nginx; sets CLUSTER_PIDS.
cluster_start() {
	CLUSTER_DB="parley_bench_$(date +%s)_$$"
	createdb -h "$CLUSTER_PG_HOST" -p "$CLUSTER_PG_PORT" -U "$CLUSTER_PG_USER" "$CLUSTER_DB" >"$LOG_DIR/cluster-db.log" 2>&1 \
		|| { cat "$LOG_DIR/cluster-db.log" >&2; die "could not create database $CLUSTER_DB"; }
	local redis_dir="$ROOT/bench/target/cluster-redis"
	rm -rf "$redis_dir" && mkdir -p "$redis_dir"
	redis-server --bind 127.0.0.1 --port "$CLUSTER_REDIS_PORT" --save "" --appendonly no --dir "$redis_dir" \
		--maxmemory-policy noeviction >"$LOG_DIR/cluster-redis.log" 2>&1 &
	STARTED_PIDS+=("$!")
	wait_for cluster-redis "$!" 20 port_in_use "$CLUSTER_REDIS_PORT"
	say "cluster: database $CLUSTER_DB on $CLUSTER_PG_HOST:$CLUSTER_PG_PORT, redis-server on 127.0.0.1:$CLUSTER_REDIS_PORT"

	# Secrets of this run only: every instance needs the same two.
	local jwt master n=0 port data
	jwt="$(head -c 32 /dev/urandom | base64)"
	master="$(head -c 32 /dev/urandom | base64)"
	for port in ${CLUSTER_PARLEY_PORTS//,/ }; do
		n=$((n + 1))
		data="$(mktemp -d -t parley-bench-cluster-XXXXXX)"
		CLUSTER_DATA_DIRS+=("$data")
		# shellcheck disable=SC2086
		OPENAI_BASE_URL="http://127.0.0.1:$SIM_PORT/v1" OPENAI_API_KEY=bench PARLEY_DEFAULT_MODEL=sim \
			PARLEY_DATA_DIR="$data" SERVER_PORT="$port" PARLEY_INSTANCE_ID="bench-cluster-$n" \
			SPRING_DATASOURCE_URL="jdbc:postgresql://$CLUSTER_PG_HOST:$CLUSTER_PG_PORT/$CLUSTER_DB" \
			SPRING_DATASOURCE_USERNAME="$CLUSTER_PG_USER" SPRING_DATASOURCE_PASSWORD="" \
			PARLEY_REDIS_URL="redis://127.0.0.1:$CLUSTER_REDIS_PORT" SERVER_FORWARD_HEADERS_STRATEGY=native \
			PARLEY_JWT_SECRET="$jwt" PARLEY_MASTER_KEY="$master" \
			PARLEY_ADMIN_EMAIL="$BENCH_EMAIL" PARLEY_ADMIN_PASSWORD="$BENCH_PASSWORD" \
			"$JAVA" "${PARLEY_BENCH_JVM_ARGS[@]}" $PARLEY_JAVA_OPTS -jar "$PARLEY_JAR" \
			>"$LOG_DIR/cluster-parley-$n.log" 2>&1 &
		local pid=$!
		STARTED_PIDS+=("$pid")
		CLUSTER_PIDS+=("$pid")
		wait_for "cluster-parley-$n" "$pid" 120 curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port/health"
		say "cluster: Parley instance $n on 127.0.0.1:$port (pid $pid)"
	done

	local dir="$ROOT/bench/target/nginx-cluster"
	rm -rf "$dir" && mkdir -p "$dir/tmp" "$dir/parley"
	{
		echo "upstream parley {"
		for port in ${CLUSTER_PARLEY_PORTS//,/ }; do
			echo "	server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"
		done
		echo "	keepalive 256;"
		echo "}"
	} >"$dir/parley/upstream.conf"
	echo "listen 127.0.0.1:$CLUSTER_NGINX_PORT;" >"$dir/parley/listen.conf"
	{
		nginx_http_head "$dir"
		echo "	include $ROOT/deploy/nginx/parley.conf;"
		echo "}"
	} >"$dir/nginx.conf"
	nginx_start cluster "$CLUSTER_NGINX_PORT"
	CLUSTER_NGINX_PIDS="$NGINX_PIDS"
	say "cluster: nginx on 127.0.0.1:$CLUSTER_NGINX_PORT with deploy/nginx/parley.conf (pids $CLUSTER_NGINX_PIDS)"
}

# cluster_run ARGS...: the driver's streaming rows through nginx (the user's flags, then the
# overrides that keep only them); appends the report to $OUT; returns the driver's status.
cluster_run() {
	local base="http://127.0.0.1:$CLUSTER_NGINX_PORT" token key
	token="$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" \
		"$base/api/v1/auth/login" | json_field access_token)" || die "cannot log in to the cluster through nginx"
	key="$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d '{"name":"bench-cluster"}' \
		"$base/api/v1/api-keys" | json_field key)" || die "cannot create an API key on the cluster"
	local pids
	pids="$(IFS=,; echo "${CLUSTER_PIDS[*]}")"
	say "cluster: running the driver through nginx (Parley CPU = instances $pids together)"
	set +e
	# shellcheck disable=SC2086
	PARLEY_BENCH_KEY="$key" timeout --kill-after=10 "$DRIVER_TIMEOUT_S" "$JAVA" $DRIVER_JAVA_OPTS -cp "$CP" \
		dev.parley.bench.driver.BenchmarkMain --parley "$base" --sim "http://127.0.0.1:$SIM_PORT/v1" \
		--parley-pid "${CLUSTER_PIDS[0]}" --sim-pid "$SIM_PID" "$@" \
		--parley-pids "$pids" --targets both --relay none --gateway none --bursts none --capacity 0 \
		--out "$LOG_DIR/cluster-report.md" >"$LOG_DIR/cluster-stdout.md"
	local rc=$?
	set -e
	{
		echo
		echo "---"
		echo
		sed '1s/^# .*/# Parley streaming benchmark: cluster (2 instances, PostgreSQL + Redis, behind nginx)/' \
			"$LOG_DIR/cluster-report.md" 2>/dev/null || cat "$LOG_DIR/cluster-stdout.md"
		echo
		echo "Cluster: two Parley instances (\`-Xmx$PARLEY_HEAP\` each) from $(basename "$PARLEY_JAR") on a fresh PostgreSQL" \
			"database and a private redis-server (\`PARLEY_REDIS_URL\`), behind nginx running" \
			"deploy/nginx/parley.conf; the streams go through nginx, and Parley's CPU is both instances' together" \
			"(nginx's own is not counted in it). Logs: bench/target/bench-logs/cluster-*."
	} >>"$OUT"
	return "$rc"
}
