#!/usr/bin/env bash
# The export benchmark (docs/PERFORMANCE.md, "Export"), run by bench/run.sh --export [flags]:
# for each database it starts Parley from its jar (-Xmx512m, fresh data directory), registers a
# user, seeds N messages for that user straight into the database (1,000 per conversation, one
# INSERT ... SELECT over a generated series), then exports them all through HTTP once per format
# (after one warm-up export) and reports messages per second and the server's heap growth over its
# value just before (after a full GC): the live heap of the export (the same export run again with
# a full GC every second, the most heap still used after one of them), the peak of jvm.memory.used
# (area heap, sampled every 100 ms from the actuator) with the garbage the collector has not yet
# taken, and what is still used after the export and a full GC (what it retained).
#
# Flags: --messages N (1000000)   --db h2|postgresql|both (both)   --formats json,ndjson,csv,markdown
# Environment: BENCH_JAVA_HOME (JDK 25), EXPORT_PORT (18090), BENCH_SKIP_BUILD=1 (use the built jar),
#   EXPORT_JAR (this jar instead of the built one: builds compared by alternating runs),
#   EXPORT_PG (psql connection, "-h 127.0.0.1 -U postgres"), BENCH_OUT (bench/target/export-results.md)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME_25="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME_25/bin/java"
JCMD="$JAVA_HOME_25/bin/jcmd"
PORT="${EXPORT_PORT:-18090}"
PG="${EXPORT_PG:--h 127.0.0.1 -U postgres}"
PG_DB=parley_bench_export
OUT="${BENCH_OUT:-$ROOT/bench/target/export-results.md}"
WORK="$ROOT/bench/target/export-bench"
ADMIN_PASSWORD="Quiet-Harbor-Lamp-7310"
USER_PASSWORD="Velvet-Orchard-Lamp-2291"
PER_CONVERSATION=1000

messages=1000000
dbs="h2 postgresql"
formats="json ndjson csv markdown"
while [[ $# -gt 0 ]]; do
	case "$1" in
	--messages) messages="$2"; shift ;;
	--db) [[ "$2" == both ]] && dbs="h2 postgresql" || dbs="$2"; shift ;;
	--formats) formats="${2//,/ }"; shift ;;
	*) echo "export.sh: unknown flag $1" >&2; exit 2 ;;
	esac
	shift
done
conversations=$(((messages + PER_CONVERSATION - 1) / PER_CONVERSATION))

say() { echo "export.sh: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

PID=""
DATA_DIR=""
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	[[ -n "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
	return 0
}
trap cleanup EXIT

mkdir -p "$WORK" "$(dirname "$OUT")"
cd "$ROOT"
if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
	say "building the server (mvn -B -q -DskipTests package -pl server -am)"
	mvn -B -q -DskipTests package -pl server -am >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; die "build failed"; }
fi
JAR="${EXPORT_JAR:-$(ls "$ROOT"/server/target/parley-*.jar 2>/dev/null | grep -v -E 'sources|javadoc|plain' | head -n 1 || true)}"
[[ -n "$JAR" ]] || die "no server/target/parley-*.jar"
# H2's own tools (from the jar Parley ships) seed the embedded database while Parley is stopped.
rm -f "$WORK"/h2-*.jar
unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
H2_JAR="$(ls "$WORK"/h2-*.jar | head -n 1)"

base="http://127.0.0.1:$PORT"

start_parley() {
	local db="$1"
	local env=(PARLEY_DATA_DIR="$DATA_DIR" SERVER_PORT="$PORT" PARLEY_ADMIN_PASSWORD="$ADMIN_PASSWORD")
	if [[ "$db" == postgresql ]]; then
		env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" SPRING_DATASOURCE_USERNAME=postgres)
	fi
	env "${env[@]}" "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED ${EXPORT_JAVA_OPTS:-} -jar "$JAR" >>"$WORK/parley-$db.log" 2>&1 &
	PID=$!
	for _ in $(seq 1 240); do
		curl -sf "$base/health" >/dev/null 2>&1 && return 0
		kill -0 "$PID" 2>/dev/null || die "Parley exited while starting (log $WORK/parley-$db.log)"
		sleep 0.5
	done
	die "Parley did not start (log $WORK/parley-$db.log)"
}

stop_parley() {
	kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

login() {
	curl -s "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
		-d "{\"email\":\"$1\",\"password\":\"$2\"}" | json_field access_token
}

# conversations c1..cN of $1, messages m1..mM (ids sort in creation order), each a reply to the
# one before it in its conversation, about 200 characters of text each
seed_sql() {
	local owner="$1" n="$2" from_conversations="$3" from_messages="$4"
	local concat_number="CAST($n AS VARCHAR(12))"
	cat <<SQL
INSERT INTO conversations (id, owner_id, title, pinned, archived, status, created_at, updated_at, last_active_at)
SELECT '01900000-0000-7000-8000-' || LPAD($concat_number, 12, '0'), '$owner', 'Bench conversation ' || $concat_number,
       FALSE, FALSE, 'active', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM $from_conversations;
INSERT INTO messages (id, conversation_id, parent_id, role, content, status, cached, created_at, updated_at)
SELECT '01900001-0000-7000-8000-' || LPAD($concat_number, 12, '0'),
       '01900000-0000-7000-8000-' || LPAD(CAST(($n - 1) / $PER_CONVERSATION + 1 AS VARCHAR(12)), 12, '0'),
       CASE WHEN MOD($n - 1, $PER_CONVERSATION) = 0 THEN NULL
            ELSE '01900001-0000-7000-8000-' || LPAD(CAST($n - 1 AS VARCHAR(12)), 12, '0') END,
       CASE WHEN MOD($n, 2) = 1 THEN 'user' ELSE 'assistant' END,
       'Message ' || $concat_number || ': the quick brown fox jumps over the lazy dog, "quoted", with a comma;'
           || ' then some more words so that a message has about two hundred characters of text, like a short'
           || ' chat turn.',
       'complete', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM $from_messages;
SQL
}

heap_used() {
	curl -s "$base/actuator/metrics/jvm.memory.used?tag=area:heap" -H "Authorization: Bearer $ADMIN_TOKEN" \
		| sed -n 's/.*"value":\([0-9.E]*\).*/\1/p' | awk '{ printf "%d", $1 }'
}

full_gc() { "$JCMD" "$PID" GC.run >/dev/null 2>&1 || true; sleep 1; }

report_rows=()
for db in $dbs; do
	say "== $db: $messages messages in $conversations conversations"
	DATA_DIR="$(mktemp -d "$WORK/data-XXXXXX")"
	: >"$WORK/parley-$db.log"
	if [[ "$db" == postgresql ]]; then
		psql $PG -q -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" >/dev/null
	fi
	start_parley "$db"
	email="export-bench-$(date +%s)@example.com"
	curl -s "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
		-d "{\"email\":\"$email\",\"password\":\"$USER_PASSWORD\",\"display_name\":\"Bench\"}" >/dev/null
	TOKEN="$(login "$email" "$USER_PASSWORD")"
	[[ -n "$TOKEN" ]] || die "could not log in the bench user"
	owner="$(curl -s "$base/api/v1/users/me" -H "Authorization: Bearer $TOKEN" | json_field id)"
	seed_started=$(date +%s.%N)
	if [[ "$db" == postgresql ]]; then
		seed_sql "$owner" n "generate_series(1, $conversations) AS n" "generate_series(1, $messages) AS n" \
			| psql $PG -q -v ON_ERROR_STOP=1 -d "$PG_DB" >/dev/null
		psql $PG -q -d "$PG_DB" -c "ANALYZE conversations" -c "ANALYZE messages" >/dev/null
	else
		stop_parley
		seed_sql "$owner" X "SYSTEM_RANGE(1, $conversations)" "SYSTEM_RANGE(1, $messages)" >"$WORK/seed-h2.sql"
		"$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA_DIR/parley" -user sa -script "$WORK/seed-h2.sql"
		start_parley "$db"
		TOKEN="$(login "$email" "$USER_PASSWORD")"
	fi
	say "seeded in $(echo "$(date +%s.%N) - $seed_started" | bc) s"
	ADMIN_TOKEN="$(login admin@parley.local "$ADMIN_PASSWORD")"
	[[ -n "$ADMIN_TOKEN" ]] || die "could not log in the administrator"
	curl -s -o /dev/null "$base/api/v1/exports?format=ndjson" -H "Authorization: Bearer $TOKEN"
	for format in $formats; do
		full_gc
		before=$(heap_used)
		: >"$WORK/heap-samples"
		( while true; do heap_used >>"$WORK/heap-samples"; echo >>"$WORK/heap-samples"; sleep 0.1; done ) &
		sampler=$!
		result=$(curl -s -o "$WORK/export.out" -w '%{http_code} %{time_total} %{size_download}' \
			"$base/api/v1/exports?format=$format" -H "Authorization: Bearer $TOKEN")
		kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
		read -r code seconds bytes <<<"$result"
		[[ "$code" == 200 ]] || die "export $format answered $code"
		case "$format" in
		json) written=$(grep -o '"role":' "$WORK/export.out" | wc -l) ;;
		ndjson) written=$(wc -l <"$WORK/export.out") ;;
		csv) written=$(( $(grep -c '^01900000-' "$WORK/export.out") )) ;;
		markdown) written=$(grep -c '^### ' "$WORK/export.out") ;;
		esac
		[[ "$written" -eq "$messages" ]] || die "export $format held $written messages, not $messages"
		peak=$(sort -n "$WORK/heap-samples" | tail -n 1)
		full_gc
		after=$(heap_used)
		# the same export again, with a full GC every second: the heap still used after each is
		# what the export holds (its live set), garbage aside
		: >"$WORK/live-samples"
		curl -s -o /dev/null "$base/api/v1/exports?format=$format" -H "Authorization: Bearer $TOKEN" &
		exporting=$!
		while kill -0 "$exporting" 2>/dev/null; do
			sleep 1
			kill -0 "$exporting" 2>/dev/null || break
			"$JCMD" "$PID" GC.run >/dev/null 2>&1 || true
			heap_used >>"$WORK/live-samples"; echo >>"$WORK/live-samples"
		done
		wait "$exporting" || true
		live=$(sort -n "$WORK/live-samples" | tail -n 1)
		live_growth=$(( (${live:-$before} - before) / 1048576 ))
		rate=$(echo "$messages / $seconds" | bc)
		growth=$(( (${peak:-$before} - before) / 1048576 ))
		retained=$(( (after - before) / 1048576 ))
		mb=$(( bytes / 1048576 ))
		say "$db $format: $seconds s, $rate messages/s, $mb MB, heap peak +$growth MB, live +$live_growth MB, retained $retained MB"
		report_rows+=("| $db | $format | $messages | $mb | $seconds | $rate | $live_growth | $growth | $retained |")
	done
	stop_parley
	rm -rf "$DATA_DIR"; DATA_DIR=""
	[[ "$db" == postgresql ]] && psql $PG -q -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null
done

{
	echo "## Export: $messages messages through HTTP ($(nproc) cores, $(date -u +%Y-%m-%d))"
	echo
	echo "| Database | Format | Messages | MB | Seconds | Messages/s | Live heap growth (MB) | Heap peak incl. garbage (MB) | Retained after (MB) |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
	printf '%s\n' "${report_rows[@]}"
} | tee "$OUT"
