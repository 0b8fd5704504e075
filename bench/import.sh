#!/usr/bin/env bash
# The import benchmark (bench/run.sh --import, or on its own): generates a ChatGPT export of about
# IMPORT_MB megabytes (conversations.json, branches included), starts Parley from its jar on a fresh
# temporary H2 data directory (or, with IMPORT_DB=postgresql, a fresh database on the PostgreSQL
# server on 127.0.0.1, user postgres, dropped at the end) with -Xmx$PARLEY_HEAP, imports the file over HTTP as one user and
# reports the seconds, conversations and messages per second, and the heap after a full GC before
# and after the import (constant memory: the growth must not follow the file's size), plus the
# process's peak RSS. Everything it started is stopped on exit. See docs/PERFORMANCE.md, "Import".
#
# Environment (all optional): BENCH_JAVA_HOME (JDK 25), PARLEY_PORT (18480), IMPORT_MB (100),
# PARLEY_HEAP (512m), IMPORT_DB (h2 or postgresql), BENCH_SKIP_BUILD=1 to use the existing jar,
# PARLEY_EXTRA_ARGS (more --name=value arguments for Parley, split at spaces: builds compared by a
# setting).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA_HOME_25="${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME_25/bin/java"
PORT="${PARLEY_PORT:-18480}"
MB="${IMPORT_MB:-100}"
HEAP="${PARLEY_HEAP:-512m}"
DB="${IMPORT_DB:-h2}"
PG_DB="parley_bench_import_$$"
WORK="$(mktemp -d)"
PARLEY_PID=""
DB_ARGS=()
cleanup() {
	if [[ -n "$PARLEY_PID" ]]; then
		kill "$PARLEY_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do kill -0 "$PARLEY_PID" 2>/dev/null || break; sleep 1; done
		kill -9 "$PARLEY_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
	if [[ "$DB" == postgresql ]]; then
		psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT
case "$DB" in
	h2) ;;
	postgresql)
		psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null
		DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$PG_DB" --spring.datasource.username=postgres
			--spring.datasource.password=) ;;
	*) echo "import.sh: IMPORT_DB must be h2 or postgresql, not $DB" >&2; exit 2 ;;
esac

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
	(cd "$ROOT" && JAVA_HOME="$JAVA_HOME_25" mvn -B -q package -pl server -am -DskipTests)
fi
JAR="$(ls "$ROOT"/server/target/parley-*.jar | grep -v plain | head -1)"

# About 20 KB per conversation: 12 turns with one regenerated reply, ChatGPT's node shapes.
python3 - "$WORK/conversations.json" "$MB" <<'PY'
import json, sys
path, mb = sys.argv[1], int(sys.argv[2])
target = mb * 1024 * 1024
text = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor " * 10)[:700]
with open(path, "w") as out:
    out.write("[")
    n, size = 0, 1
    while size < target:
        t = 1700000000 + n * 100
        mapping = {"root": {"id": "root", "message": None, "parent": None, "children": ["m0"]}}
        parent = "root"
        for i in range(12):
            node = "m%d" % i
            role = "user" if i % 2 == 0 else "assistant"
            mapping[node] = {"id": node, "parent": parent, "children": [], "message": {"id": node,
                "author": {"role": role, "name": None, "metadata": {}}, "create_time": t + i,
                "update_time": None, "content": {"content_type": "text", "parts": ["%d %s" % (i, text)]},
                "status": "finished_successfully", "end_turn": True, "weight": 1.0,
                "metadata": {"model_slug": "gpt-4o"} if role == "assistant" else {}, "recipient": "all"}}
            mapping[parent]["children"].append(node)
            parent = node
        mapping["alt"] = {"id": "alt", "parent": "m0", "children": [], "message": {"id": "alt",
            "author": {"role": "assistant"}, "create_time": t + 50, "content": {"content_type": "text",
            "parts": ["regenerated " + text]}, "metadata": {"model_slug": "gpt-4o"}, "recipient": "all"}}
        mapping["m0"]["children"].append("alt")
        chunk = json.dumps({"title": "Conversation %d" % n, "create_time": t, "update_time": t + 60,
            "conversation_id": "bench-%d" % n, "current_node": "m11", "mapping": mapping})
        out.write(("," if n else "") + chunk)
        size += len(chunk) + 1
        n += 1
    out.write("]")
print(n, file=sys.stderr)
PY
FILE_BYTES=$(stat -c %s "$WORK/conversations.json")

PARLEY_DATA_DIR="$WORK/data" PARLEY_ADMIN_PASSWORD="Kettle-Harbour-9137" PARLEY_CONVERSATION_EXPIRE_AFTER=24h \
	"$JAVA" -Xmx"$HEAP" -XX:+UseSerialGC -jar "$JAR" --server.port="$PORT" --parley.import.max-bytes=1GB \
	--parley.limits.user-requests-per-minute=0 "${DB_ARGS[@]}" ${PARLEY_EXTRA_ARGS:-} >"$WORK/parley.log" 2>&1 &
PARLEY_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { tail -50 "$WORK/parley.log"; exit 1; }

curl -fs "http://127.0.0.1:$PORT/api/v1/auth/register" -H 'Content-Type: application/json' \
	-d '{"email":"bench@example.com","password":"Lantern-Orchard-4826","display_name":"Bench"}' >/dev/null
TOKEN=$(curl -fs "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
	-d '{"email":"bench@example.com","password":"Lantern-Orchard-4826"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

heap_used_kb() {
	"$JAVA_HOME_25/bin/jcmd" "$PARLEY_PID" GC.run >/dev/null
	"$JAVA_HOME_25/bin/jcmd" "$PARLEY_PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { gsub("K,?", "", $(i+1)); s += $(i+1) } } END { print s }'
}
BEFORE_KB=$(heap_used_kb)
START=$(date +%s.%N)
curl -fs -o "$WORK/report.json" -X POST "http://127.0.0.1:$PORT/api/v1/imports?source=chatgpt" \
	-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$WORK/conversations.json"
END=$(date +%s.%N)
AFTER_KB=$(heap_used_kb)
PEAK_RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$PARLEY_PID/status")

python3 - "$WORK/report.json" "$START" "$END" "$FILE_BYTES" "$BEFORE_KB" "$AFTER_KB" "$PEAK_RSS_KB" "$HEAP" "$DB" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
start, end, size, before, after, rss, heap = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
seconds = end - start
t = report["totals"]
print("Import on %s" % sys.argv[9])
print()
print("| file | conversations | messages | seconds | conversations/s | messages/s | MB/s | heap after GC before -> after | peak RSS (-Xmx%s) |" % heap)
print("|---|---|---|---|---|---|---|---|---|")
print("| %.1f MB | %d | %d | %.1f | %.0f | %.0f | %.1f | %.0f MB -> %.0f MB | %.0f MB |" % (size / 2**20, t["imported"], t["messages"], seconds, t["imported"] / seconds, t["messages"] / seconds, size / 2**20 / seconds, before / 1024, after / 1024, rss / 1024))
assert report["complete"] and t["skipped"] == 0, report["totals"]
PY
