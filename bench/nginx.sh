# Sourced by bench/run.sh: the nginx floors the benchmark compares Parley with. Each nginx runs as
# a foreground child (daemon off) from a configuration generated under bench/target/nginx-NAME,
# with its own pid file, error log and temp paths, so nothing of the system's nginx is used.
# Needs say, die, port_in_use and STARTED_PIDS from run.sh.
#   relay: an SSE relay in front of the simulator (the floor for streaming)
#   fixed: a zero-latency upstream answering every POST /v1/chat/completions with one fixed
#          chat.completion (the upstream of the gateway throughput rows)
#   proxy: a plain reverse proxy in front of "fixed" (the floor for any non-streaming gateway)

NGINX_WORKERS="${NGINX_WORKERS:-auto}"

# ensure_nginx: installs Debian's nginx when it is missing (needs root and apt-get).
ensure_nginx() {
	command -v nginx >/dev/null 2>&1 && return 0
	say "nginx not found; installing Debian's nginx (apt-get install -y -q nginx)"
	timeout 300 apt-get install -y -q nginx >"$LOG_DIR/apt-nginx.log" 2>&1 \
		|| { tail -n 20 "$LOG_DIR/apt-nginx.log" >&2; die "could not install nginx (log: $LOG_DIR/apt-nginx.log)"; }
}

# nginx_relay_config PORT SIM_PORT DIR: an SSE relay (proxy_buffering off) in front of the simulator.
nginx_relay_config() {
	local port="$1" sim_port="$2" dir="$3"
	nginx_http_head "$dir"
	cat <<CONF
	upstream sim { server 127.0.0.1:$sim_port; keepalive 256; }
	server {
		listen 127.0.0.1:$port;
		location / {
			proxy_pass http://sim;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_buffering off;
			proxy_read_timeout 300s;
		}
	}
}
CONF
}

# The fixed upstream's answer: an OpenAI chat.completion of 5 tokens, as the simulator's
# stream:false reply looks (no single quote inside: it is an nginx string in single quotes).
NGINX_FIXED_COMPLETION='{"id":"chatcmpl-fixed","object":"chat.completion","created":1764633600,"model":"fixed","choices":[{"index":0,"message":{"role":"assistant","content":"alpha beta gamma delta epsilon "},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}}'

# nginx_http_head DIR: the settings every generated nginx shares (own pid, logs and temp paths;
# keep-alive connections that are not closed after nginx's default of 1,000 requests).
nginx_http_head() {
	local dir="$1"
	cat <<CONF
worker_processes $NGINX_WORKERS;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
worker_rlimit_nofile 20000;
events { worker_connections 16000; }
http {
	access_log off;
	keepalive_requests 10000000;
	client_body_temp_path $dir/tmp/body;
	proxy_temp_path $dir/tmp/proxy;
	fastcgi_temp_path $dir/tmp/fastcgi;
	uwsgi_temp_path $dir/tmp/uwsgi;
	scgi_temp_path $dir/tmp/scgi;
CONF
}

# nginx_fixed_config PORT DIR: answers POST /v1/chat/completions with 200 and the fixed completion,
# whatever the body (nginx reads and discards it), and 404 elsewhere.
nginx_fixed_config() {
	local port="$1" dir="$2"
	nginx_http_head "$dir"
	cat <<CONF
	server {
		listen 127.0.0.1:$port;
		location = /v1/chat/completions {
			default_type application/json;
			return 200 '$NGINX_FIXED_COMPLETION';
		}
		location / { return 404; }
	}
}
CONF
}

# nginx_proxy_config PORT UPSTREAM_PORT DIR: a reverse proxy with keep-alive upstream connections.
nginx_proxy_config() {
	local port="$1" upstream_port="$2" dir="$3"
	nginx_http_head "$dir"
	cat <<CONF
	upstream fixed { server 127.0.0.1:$upstream_port; keepalive 256; keepalive_requests 10000000; }
	server {
		listen 127.0.0.1:$port;
		location / {
			proxy_pass http://fixed;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
		}
	}
}
CONF
}

# nginx_start NAME PORT: starts nginx with the configuration in bench/target/nginx-NAME/nginx.conf,
# waits until PORT answers and sets NGINX_PIDS to "master,worker,..." for CPU from /proc.
nginx_start() {
	local name="$1" port="$2" dir="$ROOT/bench/target/nginx-$1"
	port_in_use "$port" && die "port $port is in use (set the NGINX_*_PORT variables)"
	nginx -t -q -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$LOG_DIR/nginx-$name.log" 2>&1 \
		|| { cat "$LOG_DIR/nginx-$name.log" >&2; die "nginx-$name: bad configuration ($dir/nginx.conf)"; }
	nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >>"$LOG_DIR/nginx-$name.log" 2>&1 &
	local pid=$!
	STARTED_PIDS+=("$pid")
	local deadline=$((SECONDS + 20))
	until port_in_use "$port"; do
		kill -0 "$pid" 2>/dev/null || { cat "$LOG_DIR/nginx-$name.log" "$dir/error.log" >&2 2>/dev/null; die "nginx-$name exited during start-up"; }
		((SECONDS < deadline)) || die "nginx-$name not listening on $port after 20s"
		sleep 0.1
	done
	# The master forks its workers after it listens: wait (up to 2 s) until all of them exist.
	local workers expected="$NGINX_WORKERS"
	[[ "$expected" == auto ]] && expected="$(nproc)"
	for _ in $(seq 1 20); do
		workers="$(cat /proc/"$pid"/task/*/children 2>/dev/null | tr -s ' \n' ',' | sed 's/^,//; s/,$//')"
		[[ -n "$workers" && "$(tr ',' '\n' <<<"$workers" | wc -l)" -ge "$expected" ]] && break
		sleep 0.1
	done
	NGINX_PIDS="$pid${workers:+,$workers}"
}

# nginx_relay_start PORT SIM_PORT: the SSE relay floor; sets RELAY_PIDS.
nginx_relay_start() {
	local dir="$ROOT/bench/target/nginx-relay"
	rm -rf "$dir" && mkdir -p "$dir/tmp"
	nginx_relay_config "$1" "$2" "$dir" >"$dir/nginx.conf"
	nginx_start relay "$1"
	RELAY_PIDS="$NGINX_PIDS"
	say "nginx relay on 127.0.0.1:$1 in front of the simulator (pids $RELAY_PIDS)"
}

# nginx_gateway_start FIXED_PORT PROXY_PORT: the fixed upstream and the proxy in front of it; sets
# FIXED_PIDS and PROXY_PIDS.
nginx_gateway_start() {
	local fixed_dir="$ROOT/bench/target/nginx-fixed" proxy_dir="$ROOT/bench/target/nginx-proxy"
	rm -rf "$fixed_dir" "$proxy_dir" && mkdir -p "$fixed_dir/tmp" "$proxy_dir/tmp"
	nginx_fixed_config "$1" "$fixed_dir" >"$fixed_dir/nginx.conf"
	nginx_start fixed "$1"
	FIXED_PIDS="$NGINX_PIDS"
	nginx_proxy_config "$2" "$1" "$proxy_dir" >"$proxy_dir/nginx.conf"
	nginx_start proxy "$2"
	PROXY_PIDS="$NGINX_PIDS"
	say "nginx fixed completion on 127.0.0.1:$1 (pids $FIXED_PIDS), nginx proxy to it on 127.0.0.1:$2 (pids $PROXY_PIDS)"
}

# ensure_wrk: installs Debian's wrk when it is missing (needs root and apt-get).
ensure_wrk() {
	command -v wrk >/dev/null 2>&1 && return 0
	say "wrk not found; installing Debian's wrk (apt-get install -y -q wrk)"
	timeout 300 apt-get install -y -q wrk >"$LOG_DIR/apt-wrk.log" 2>&1 \
		|| { tail -n 20 "$LOG_DIR/apt-wrk.log" >&2; die "could not install wrk (log: $LOG_DIR/apt-wrk.log)"; }
}
