#!/usr/bin/env bash
# Measures search in a 100,000-message account (docs/PERFORMANCE.md, "Search"):
#   bench/search.sh h2|postgresql|mariadb [MESSAGES]
# It starts Parley from its jar (server/target/parley-*.jar, built when missing) on a fresh
# database, registers two users, seeds MESSAGES messages (default 100000) in 100 conversations
# for each of them straight into the database (the second user's are the other tenants a
# shared index also holds), then times GET /api/v1/search for a set of queries (5 warm-up
# requests, then RUNS timed ones each, one at a time) and prints p50/p99 in milliseconds as
# curl sees them (the whole HTTP round trip on 127.0.0.1). The rate limit is turned off for
# the run. It also seeds one conversation of HISTORY messages (default 100000) for the first
# user and times GET /api/v1/conversations/{id}/messages?limit=50&before=<id> at random
# positions (HISTORY_RUNS of them after HISTORY_WARMUP warm-up requests, all on one kept-alive
# connection as a browser sends them), the history page a client reads when it scrolls back. PARTS=search,history (the default) chooses what is measured; the seed is
# the same. PostgreSQL and MariaDB are the servers on 127.0.0.1 (users postgres and root, no
# password, as the tests use them); the database it creates is dropped at the end.
#
# Environment (all optional): BENCH_JAVA_HOME (/usr/lib/jvm/temurin-25-jdk-amd64),
# SEARCH_PORT (18297), RUNS (50), PARLEY_HEAP (512m), HISTORY (100000), HISTORY_RUNS (2000),
# HISTORY_WARMUP (3000), SEARCH_JAR (this jar instead of the built one: builds alternated), SEARCH_JAVA_OPTS (more JVM options after -Xmx$PARLEY_HEAP; default
# -XX:+UseSerialGC, the collector bin/parley runs Parley with; empty for the JVM's G1),
# PARTS (search,history).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="${1:?usage: bench/search.sh h2|postgresql|mariadb [MESSAGES]}"
MESSAGES="${2:-100000}"
JAVA_HOME_25="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PORT="${SEARCH_PORT:-18297}"
RUNS="${RUNS:-50}"
HEAP="${PARLEY_HEAP:-512m}"
CONVERSATIONS=100
HISTORY="${HISTORY:-100000}"
HISTORY_RUNS="${HISTORY_RUNS:-2000}"
HISTORY_WARMUP="${HISTORY_WARMUP:-3000}"
PARTS="${PARTS:-search,history}"
# The long conversation's id and its messages' ids (message n: HISTORY_MESSAGE with n in 12 digits).
HISTORY_CONVERSATION="00000000-0000-7000-8001-000000000000"
HISTORY_MESSAGE="00000000-0002-7000-8001-"
DB="parley_search_bench_$$"
DATA="$(mktemp -d)"
BASE="http://127.0.0.1:$PORT"
PID=""

say() { echo "search.sh: $*" >&2; }
cleanup() {
	[[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
	case "$VENDOR" in
		postgresql) psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true ;;
		mariadb) mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true ;;
	esac
	rm -rf "$DATA"
}
trap cleanup EXIT

JAR="${SEARCH_JAR:-$(ls "$ROOT"/server/target/parley-*.jar 2>/dev/null | head -1 || true)}"
if [[ -z "$JAR" ]]; then
	say "building the jar"
	(cd "$ROOT" && JAVA_HOME="$JAVA_HOME_25" mvn -B -q -o package -pl server -am -DskipTests -Dweb.skip=true)
	JAR="$(ls "$ROOT"/server/target/parley-*.jar | head -1)"
fi

DB_ARGS=()
case "$VENDOR" in
	h2) ;;
	postgresql)
		psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $DB" >/dev/null
		DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres
			--spring.datasource.password=) ;;
	mariadb)
		mariadb -h 127.0.0.1 -uroot -e "CREATE DATABASE $DB" >/dev/null
		DB_ARGS=(--spring.datasource.url="jdbc:mariadb://127.0.0.1:3306/$DB" --spring.datasource.username=root
			--spring.datasource.password=) ;;
	*) say "unknown database $VENDOR"; exit 2 ;;
esac

start() {
	if curl -s -o /dev/null "$BASE/health"; then
		say "something already listens on port $PORT (set SEARCH_PORT)"; exit 1
	fi
	"$JAVA_HOME_25/bin/java" -Xmx"$HEAP" ${SEARCH_JAVA_OPTS--XX:+UseSerialGC} -jar "$JAR" --server.port="$PORT" --parley.data-dir="$DATA" \
		--parley.limits.user-requests-per-minute=0 --parley.limits.anonymous-requests-per-minute=0 \
		"${DB_ARGS[@]}" >"$DATA/parley.log" 2>&1 &
	PID=$!
	for _ in $(seq 1 240); do
		curl -sf "$BASE/health" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	say "Parley did not start; its log:"; tail -40 "$DATA/parley.log" >&2; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

register() {
	curl -sf "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
		-d "{\"email\":\"$1@example.com\",\"password\":\"Search-Bench-2026\",\"display_name\":\"$1\"}" >/dev/null
	curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
		-d "{\"email\":\"$1@example.com\",\"password\":\"Search-Bench-2026\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# The seed: conversation c (0..99) of a user, message g (1..MESSAGES) in conversation MOD(g, 100),
# one second apart; English and Chinese text of about 300 characters in which "context" occurs in
# one message of 5, "kumquat" in one of 1000, "上下文" in one of 10 and "缓存" in one of 7.
seed_sql() {
	local owner="$1" prefix="$2" plus
	case "$VENDOR" in
		postgresql) plus="TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 second'"; range="generate_series(1, $MESSAGES) AS s(g)" ;;
		mariadb) plus="TIMESTAMPADD(SECOND, g, '2026-01-01 00:00:00')"; range="(SELECT seq AS g FROM seq_1_to_$MESSAGES) s" ;;
		h2) plus="DATEADD(SECOND, g, TIMESTAMP '2026-01-01 00:00:00')"; range="(SELECT X AS g FROM SYSTEM_RANGE(1, $MESSAGES)) s" ;;
	esac
	local crange
	case "$VENDOR" in
		postgresql) crange="generate_series(0, $((CONVERSATIONS - 1))) AS s(g)" ;;
		mariadb) crange="(SELECT seq AS g FROM seq_0_to_$((CONVERSATIONS - 1))) s" ;;
		h2) crange="(SELECT X AS g FROM SYSTEM_RANGE(0, $((CONVERSATIONS - 1)))) s" ;;
	esac
	cat <<SQL
INSERT INTO conversations (id, owner_id, title, pinned, archived, status, created_at, updated_at, last_active_at, title_source)
SELECT CONCAT('00000000-0000-7000-$prefix-', LPAD(CONCAT('', g), 12, '0')), '$owner', CONCAT('Conversation ', g),
       FALSE, FALSE, 'active', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', 'user'
FROM $crange;
INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at)
SELECT CONCAT('00000000-0001-7000-$prefix-', LPAD(CONCAT('', g), 12, '0')),
       CONCAT('00000000-0000-7000-$prefix-', LPAD(CONCAT('', MOD(g, $CONVERSATIONS)), 12, '0')),
       CASE WHEN MOD(g, 2) = 0 THEN 'user' ELSE 'assistant' END,
       CONCAT('Message ', g, ': ',
         CASE MOD(g, 5) WHEN 0 THEN 'Please clear the context window before the next question. '
                        WHEN 1 THEN 'The quick brown fox jumps over the lazy dog near the river bank. '
                        WHEN 2 THEN 'Streaming replies survive a disconnect and resume where they were. '
                        WHEN 3 THEN 'Agents route between providers and fail over before the first token. '
                        ELSE 'Quotas and rate limits protect every provider from a runaway script. ' END,
         CASE WHEN MOD(g, 1000) = 7 THEN 'A kumquat is a small citrus fruit. ' ELSE '' END,
         CASE MOD(g, 10) WHEN 0 THEN '我们需要清除上下文管理的设置。' WHEN 1 THEN '今天天气很好，我们去公园散步吧。'
                         WHEN 2 THEN '请把这段代码翻译成中文并解释。' ELSE '服务器的日志显示一切正常运行。' END,
         CASE WHEN MOD(g, 7) = 0 THEN '缓存已经清除。' ELSE '' END,
         ' Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
         ' Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat ', g, '.'),
       'complete', $plus, $plus
FROM $range;
SQL
}

# One conversation of HISTORY messages of the first user, one second apart, ids ascending with time
# (as UUIDv7 ids are), about 200 characters each.
history_sql() {
	local owner="$1" plus range
	case "$VENDOR" in
		postgresql) plus="TIMESTAMP '2026-01-01 00:00:00' + g * INTERVAL '1 second'"; range="generate_series(1, $HISTORY) AS s(g)" ;;
		mariadb) plus="TIMESTAMPADD(SECOND, g, '2026-01-01 00:00:00')"; range="(SELECT seq AS g FROM seq_1_to_$HISTORY) s" ;;
		h2) plus="DATEADD(SECOND, g, TIMESTAMP '2026-01-01 00:00:00')"; range="(SELECT X AS g FROM SYSTEM_RANGE(1, $HISTORY)) s" ;;
	esac
	cat <<SQL
INSERT INTO conversations (id, owner_id, title, pinned, archived, status, created_at, updated_at, last_active_at, title_source)
VALUES ('$HISTORY_CONVERSATION', '$owner', 'A long history', FALSE, FALSE, 'active', TIMESTAMP '2026-01-01 00:00:00',
        TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', 'user');
INSERT INTO messages (id, conversation_id, role, content, status, created_at, updated_at)
SELECT CONCAT('$HISTORY_MESSAGE', LPAD(CONCAT('', g), 12, '0')), '$HISTORY_CONVERSATION',
       CASE WHEN MOD(g, 2) = 0 THEN 'assistant' ELSE 'user' END,
       CONCAT('History message ', g, ': streaming replies survive a disconnect and resume where they were. ',
         '服务器的日志显示一切正常运行。 Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.'),
       'complete', $plus, $plus
FROM $range;
SQL
}

owner_of() { curl -sf "$BASE/api/v1/users/me" -H "Authorization: Bearer $1" | sed 's/.*"id":"\([^"]*\)".*/\1/'; }

say "starting Parley on $VENDOR"
start
TOKEN="$(register searcher)"
OTHER="$(register neighbour)"
ME="$(owner_of "$TOKEN")"
NEIGHBOUR="$(owner_of "$OTHER")"
[[ ${#ME} -eq 36 && ${#NEIGHBOUR} -eq 36 ]] || { say "could not read the users' ids"; exit 1; }

say "seeding $MESSAGES messages for each of two users, and a conversation of $HISTORY"
SEED="$DATA/seed.sql"
{ seed_sql "$ME" 8000; seed_sql "$NEIGHBOUR" 9000; history_sql "$ME"; } >"$SEED"
started=$(date +%s)
case "$VENDOR" in
	postgresql)
		psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$DB" -f "$SEED"
		psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "VACUUM ANALYZE messages" -c "VACUUM ANALYZE conversations" ;;
	mariadb)
		mariadb -h 127.0.0.1 -uroot --default-character-set=utf8mb4 "$DB" <"$SEED"
		mariadb -h 127.0.0.1 -uroot "$DB" -e "ANALYZE TABLE messages, conversations" >/dev/null ;;
	h2)
		stop
		H2JAR="$DATA/h2.jar"
		unzip -p "$JAR" "$(unzip -l "$JAR" | awk '/BOOT-INF\/lib\/h2-/ {print $4}')" >"$H2JAR"
		"$JAVA_HOME_25/bin/java" -cp "$H2JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/parley" -user sa \
			-script "$SEED"
		start ;;
esac
say "seeded in $(( $(date +%s) - started )) s"

measure() {
	local label="$1" query="$2" times="$DATA/times.txt" hits
	local body
	body=$(curl -s -G "$BASE/api/v1/search" --data-urlencode "q=$query" --data-urlencode "limit=20" \
		-H "Authorization: Bearer $TOKEN")
	case "$body" in
		\{\"items\"*) hits=$( (grep -o '"message_id"' <<<"$body" || true) | wc -l) ;;
		*) say "the first search for $query failed: ${body:0:300}"; hits=-1 ;;
	esac
	for _ in 1 2 3 4 5; do
		curl -s -o /dev/null -G "$BASE/api/v1/search" --data-urlencode "q=$query" -H "Authorization: Bearer $TOKEN"
	done
	: >"$times"
	for _ in $(seq 1 "$RUNS"); do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -G "$BASE/api/v1/search" --data-urlencode "q=$query" \
			-H "Authorization: Bearer $TOKEN" >>"$times"
	done
	# A request that failed (H2's statement timeout, 5 s, answers 503) counts as failed, not timed.
	awk '$1 == 200 { print $2 }' "$times" | sort -n | awk -v label="$label" -v hits="$hits" \
		-v failed="$(awk '$1 != 200' "$times" | wc -l)" '{ t[NR] = $1 * 1000 } END {
		p50 = t[int((NR + 1) * 0.50)]; i99 = int(NR * 0.99 + 0.999); if (i99 > NR) i99 = NR;
		printf "| %s | %d | %.1f | %.1f | %d |\n", label, hits, p50, t[i99], failed }'
}

# A history page: 50 messages before a random one of the long conversation (from its second
# message, so that the page may be short only near the start, as a client's last page is).
history_page() {
	local n=$(( (RANDOM * 32768 + RANDOM) % (HISTORY - 1) + 2 ))
	printf '%s/api/v1/conversations/%s/messages?limit=50&before=%s%012d' "$BASE" "$HISTORY_CONVERSATION" "$HISTORY_MESSAGE" "$n"
}

# Writes a curl config of COUNT requests of the URLs the function FN prints, each answer dropped:
# one curl then sends them one after another on one kept-alive connection, as a browser does.
requests_config() {
	local fn="$1" count="$2" file="$3"
	: >"$file"
	for _ in $(seq 1 "$count"); do
		printf 'url = "%s"\noutput = "/dev/null"\n' "$($fn)" >>"$file"
	done
}

history_reference() { printf '%s/api/v1/conversations/%s' "$BASE" "$HISTORY_CONVERSATION"; }

# The page a client opens the conversation with: the newest 50, no bound.
history_newest() { printf '%s/api/v1/conversations/%s/messages?limit=50' "$BASE" "$HISTORY_CONVERSATION"; }

measure_history() {
	local times="$DATA/history.txt" body items
	body=$(curl -s "$BASE/api/v1/conversations/$HISTORY_CONVERSATION/messages?limit=50&before=${HISTORY_MESSAGE}000000050001" \
		-H "Authorization: Bearer $TOKEN")
	items=$( (grep -o '"conversation_id"' <<<"$body" || true) | wc -l)
	[[ "$items" -eq 50 ]] || say "the first history page has $items messages, not 50: ${body:0:300}"
	requests_config history_page "$HISTORY_WARMUP" "$DATA/warmup.cfg"
	requests_config history_page "$HISTORY_RUNS" "$DATA/pages.cfg"
	requests_config history_reference "$HISTORY_RUNS" "$DATA/reference.cfg"
	requests_config history_newest "$HISTORY_RUNS" "$DATA/newest.cfg"
	# Warm-up: the JIT compiles the request path (and the database's) only after thousands of them.
	curl -s -K "$DATA/warmup.cfg" -H "Authorization: Bearer $TOKEN"
	curl -s -K "$DATA/reference.cfg" -H "Authorization: Bearer $TOKEN"
	echo
	echo "History page on $VENDOR: one conversation of $HISTORY messages, limit=50, before=<random id>, $HISTORY_RUNS runs"
	echo "after $HISTORY_WARMUP warm-up pages, one kept-alive connection"
	echo
	echo "| request | p50 ms | p99 ms | max ms | failed |"
	echo "|---|---|---|---|---|"
	curl -s -K "$DATA/pages.cfg" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" >"$times"
	percentiles "50 messages before a random one" "$times"
	curl -s -K "$DATA/newest.cfg" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" >"$times"
	percentiles "the newest 50 (the page a conversation opens with)" "$times"
	# The same request path without the page: the conversation alone (one row), for comparison.
	curl -s -K "$DATA/reference.cfg" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" >"$times"
	percentiles "the conversation alone (reference)" "$times"
}

percentiles() {
	awk '$1 == 200 { print $2 }' "$2" | sort -n | awk -v label="$1" -v failed="$(awk '$1 != 200' "$2" | wc -l)" \
		'{ t[NR] = $1 * 1000 } END {
		p50 = t[int((NR + 1) * 0.50)]; i99 = int(NR * 0.99 + 0.999); if (i99 > NR) i99 = NR;
		printf "| %s | %.1f | %.1f | %.1f | %d |\n", label, p50, t[i99], t[NR], failed }'
}

if [[ ",$PARTS," == *,search,* ]]; then
	echo
	echo "Search on $VENDOR: $MESSAGES messages of the user (and as many of another), $RUNS runs per query"
	echo
	echo "| query | hits on page 1 | p50 ms | p99 ms | failed |"
	echo "|---|---|---|---|---|"
	measure '`context` (1 message in 5)' "context"
	measure '`kumquat` (1 in 1,000)' "kumquat"
	measure '`上下文` (1 in 10)' "上下文"
	measure '`上下` (2 characters)' "上下"
	measure '`缓存 清除` (two words)' "缓存 清除"
	measure '`zebra` (no match)' "zebra"
fi
if [[ ",$PARTS," == *,history,* ]]; then
	measure_history
fi

if [[ ",$PARTS," == *,search,* && "$VENDOR" == postgresql ]]; then
	# The plan of the search's message branch (SearchRepository) for a word with trigrams and one
	# without: the GIN index, or the owner's conversations and their messages.
	for word in 上下文 kumquat 上下; do
		echo
		echo "EXPLAIN ANALYZE, q=$word:"
		psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "EXPLAIN (ANALYZE, COSTS OFF)
			SELECT m.id FROM conversations c JOIN messages m ON m.conversation_id = c.id
			WHERE c.owner_id = '$ME' AND m.status <> 'streaming' AND m.content ILIKE '%$word%' ESCAPE '!'
			ORDER BY m.created_at DESC, m.id DESC LIMIT 21" | sed 's/^/    /'
	done
fi
