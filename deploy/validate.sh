#!/usr/bin/env bash
# Validates everything under deploy/ offline and exits non-zero on any problem:
#   YAML lint (yamllint) of every YAML file;
#   compose.yaml: docker-compose config (refused without the secrets; with them, resolved, and
#     every file it mounts exists);
#   nginx: nginx -t of deploy/nginx/parley.conf laid out as the compose nginx has it, with the
#     compose upstream names resolved by a private hosts file where this machine allows a mount
#     namespace, and always with them pointed at 127.0.0.1;
#   Prometheus: promtool check config; every Grafana query through promtool check rules;
#   Grafana: provisioning and dashboard JSON (deploy/validate/dashboard.py);
#   Kubernetes: every manifest against the Kubernetes API schemas (deploy/validate/k8s.mjs);
#   Dockerfile: the stages and files it names exist (no linter is packaged here).
# Tools: Debian's docker-compose, nginx, prometheus (promtool), yamllint, nodejs/npm (installed
# with apt-get when missing and root), and pinned npm packages installed under deploy/.tools.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tools="$root/deploy/.tools"
work="$tools/run"
rm -rf "$work" && mkdir -p "$work"

failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1" >&2; failures=$((failures + 1)); }
# check NAME COMMAND...: runs the command with its output in $work/NAME.log, quoted on failure.
# (Inside it errexit is off: the functions it runs return 1 themselves.)
check() {
	local name="$1"
	shift
	if "$@" >"$work/$name.log" 2>&1; then
		ok "$name"
		sed 's/^/     /' "$work/$name.log" | grep -v '^ *$' | head -n 5 || true
	else
		fail "$name"
		sed 's/^/     /' "$work/$name.log" >&2
	fi
}

# --- tools ---------------------------------------------------------------------------------
missing=()
command -v docker-compose >/dev/null || missing+=(docker-compose)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v promtool >/dev/null || missing+=(prometheus)
command -v yamllint >/dev/null || missing+=(yamllint)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
	[ "$(id -u)" -eq 0 ] || { echo "validate.sh needs ${missing[*]} (apt-get install as root)" >&2; exit 2; }
	echo "Installing ${missing[*]}"
	apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$work/apt.log" 2>&1 \
		|| { tail -n 20 "$work/apt.log" >&2; exit 2; }
fi
# Pinned npm packages for the Kubernetes check, installed once (again when the pins change).
npm_pins="kubernetes-models@5.1.0 yaml@2.9.1 typescript@5.9.3"
if [ "$(cat "$tools/node/.pins" 2>/dev/null)" != "$npm_pins" ]; then
	rm -rf "$tools/node" && mkdir -p "$tools/node"
	echo '{"name":"parley-deploy-validate","private":true,"type":"module"}' >"$tools/node/package.json"
	# shellcheck disable=SC2086
	(cd "$tools/node" && npm install --no-audit --no-fund --loglevel=error --save-exact $npm_pins) >"$work/npm.log" 2>&1 \
		|| { cat "$work/npm.log" >&2; exit 2; }
	echo "$npm_pins" >"$tools/node/.pins"
fi

# --- YAML ----------------------------------------------------------------------------------
check yamllint yamllint -s -c deploy/validate/yamllint.yaml deploy

# --- compose -------------------------------------------------------------------------------
compose() { env -i PATH="$PATH" HOME="$work" docker-compose -f deploy/compose.yaml --project-directory deploy "$@"; }
: >"$work/empty.env"
printf '%s\n' PARLEY_DB_PASSWORD=validate-db PARLEY_JWT_SECRET=validate-jwt PARLEY_MASTER_KEY=validate-master \
	GRAFANA_ADMIN_PASSWORD=validate-grafana >"$work/secrets.env"
compose_refuses_without_secrets() {
	if compose --env-file "$work/empty.env" config -q 2>"$work/no-secrets.err"; then
		echo "compose.yaml starts without deploy/.env: a secret has a default"
		return 1
	fi
	local name
	for name in PARLEY_DB_PASSWORD PARLEY_JWT_SECRET PARLEY_MASTER_KEY GRAFANA_ADMIN_PASSWORD; do
		# docker-compose names the first missing one; each is required (:?) in compose.yaml.
		grep -q "\${$name:?" deploy/compose.yaml || { echo "$name is not required (\${$name:?...}) in compose.yaml"; return 1; }
	done
	grep -o 'set PARLEY_[A-Z_]* in deploy/.env\|set GRAFANA_[A-Z_]* in deploy/.env' "$work/no-secrets.err" | head -n 1
}
check compose-without-secrets compose_refuses_without_secrets
compose_resolves() {
	compose --env-file "$work/secrets.env" config >"$work/compose.resolved.yaml" || return 1
	python3 deploy/validate/compose.py "$work/compose.resolved.yaml"
}
check compose-config compose_resolves

# --- nginx ---------------------------------------------------------------------------------
# The official image's layout: /etc/nginx/nginx.conf includes conf.d/*.conf inside http {}, and
# compose mounts parley.conf there and deploy/nginx/parley beside it.
nginx_prefix() {
	local dir="$1" upstream="$2"
	mkdir -p "$dir/conf.d" "$dir/parley"
	cp deploy/nginx/parley.conf "$dir/conf.d/parley.conf"
	cp deploy/nginx/parley/listen.conf "$dir/parley/listen.conf"
	cp "$upstream" "$dir/parley/upstream.conf"
	cat >"$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $dir/body;
	proxy_temp_path $dir/proxy;
	fastcgi_temp_path $dir/fastcgi;
	uwsgi_temp_path $dir/uwsgi;
	scgi_temp_path $dir/scgi;
	gzip on;
	include conf.d/*.conf;
}
CONF
}
sed -E 's/server parley-[0-9]+:8080/server 127.0.0.1:8080/' deploy/nginx/parley/upstream.conf >"$work/upstream-loopback.conf"
nginx_prefix "$work/nginx-loopback" "$work/upstream-loopback.conf"
check nginx-t /usr/sbin/nginx -t -q -p "$work/nginx-loopback/" -c "$work/nginx-loopback/nginx.conf"
nginx_prefix "$work/nginx-compose" deploy/nginx/parley/upstream.conf
nginx_with_compose_names() {
	local hosts="$work/hosts" dir="$work/nginx-compose"
	{ cat /etc/hosts; echo "127.0.0.1 parley-1 parley-2"; } >"$hosts"
	if ! unshare --mount true 2>/dev/null; then
		echo "no mount namespace here: the compose names were checked pointed at 127.0.0.1 only"
		return 0
	fi
	unshare --mount sh -c "mount --bind '$hosts' /etc/hosts && /usr/sbin/nginx -t -q -p '$dir/' -c '$dir/nginx.conf'" \
		|| return 1
	echo "the compose upstream file as it is (parley-1, parley-2 resolved by a private hosts file)"
}
check nginx-t-compose-names nginx_with_compose_names

# --- Prometheus and Grafana ----------------------------------------------------------------
check promtool-config promtool check config deploy/prometheus/prometheus.yml
check grafana python3 deploy/validate/dashboard.py "$root" "$work/dashboard-rules.yml"
check promtool-dashboard-queries promtool check rules "$work/dashboard-rules.yml"

# --- Kubernetes ----------------------------------------------------------------------------
check k8s node deploy/validate/k8s.mjs deploy/k8s "$tools/node"

# --- Dockerfile ----------------------------------------------------------------------------
dockerfile_names_what_exists() {
	local stages missing_files=0
	stages=$(sed -nE 's/^FROM .* AS ([a-z0-9_-]+)$/\1/p' deploy/Dockerfile)
	for from in $(sed -nE 's/^COPY --from=([a-z0-9_-]+).*/\1/p' deploy/Dockerfile | sort -u); do
		grep -qx "$from" <<<"$stages" || { echo "COPY --from=$from: no such stage"; missing_files=1; }
	done
	if grep -nE '^FROM [^ ]+:latest|^FROM [^ :]+( |$)' deploy/Dockerfile; then
		echo "an unpinned base image"
		missing_files=1
	fi
	# The flags of the training start and of the ENTRYPOINT are one variable (the AOT cache must match).
	grep -q 'java \$PARLEY_JVM_FLAGS -XX:AOTCacheOutput' deploy/Dockerfile && grep -q 'exec java \$PARLEY_JVM_FLAGS \$aot' deploy/Dockerfile \
		|| { echo "the training start and the ENTRYPOINT do not share PARLEY_JVM_FLAGS"; missing_files=1; }
	for f in pom.xml server/pom.xml bench/pom.xml .dockerignore; do
		[ -f "$f" ] || { echo "$f is missing"; missing_files=1; }
	done
	return $missing_files
}
check dockerfile dockerfile_names_what_exists

if [ "$failures" -gt 0 ]; then
	echo "deploy/validate.sh: $failures check(s) failed" >&2
	exit 1
fi
echo "deploy/validate.sh: all checks passed"
