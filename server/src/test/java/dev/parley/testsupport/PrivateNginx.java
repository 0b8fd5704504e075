package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

/**
 * Debian's nginx run as a child process with the deployment's own configuration,
 * {@code deploy/nginx/parley.conf}, in front of Parley instances on 127.0.0.1: a
 * temporary conf prefix holds a generated main {@code nginx.conf} (its own pid file, logs
 * and temp paths, {@code daemon off}) that includes that file, and the two files it
 * includes, {@code parley/upstream.conf} (the given ports) and {@code parley/listen.conf}
 * (a free port of 127.0.0.1). The main configuration turns gzip on for event streams, as
 * an operator's might, which the deployment's configuration must undo. {@link #close()}
 * stops nginx and deletes the directory.
 */
public final class PrivateNginx implements AutoCloseable {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	/** The configuration under test, relative to the repository's root. */
	private static final Path SNIPPET = Path.of("deploy", "nginx", "parley.conf");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final Path directory;

	private final int port;

	private final List<Integer> upstreamPorts;

	private Process process;

	private PrivateNginx(Path directory, int port, List<Integer> upstreamPorts) {
		this.directory = directory;
		this.port = port;
		this.upstreamPorts = List.copyOf(upstreamPorts);
	}

	/**
	 * An nginx on a free port of 127.0.0.1 that passes requests to these ports of
	 * 127.0.0.1, accepting connections when this returns; skipped loudly (failed on CI)
	 * when nginx is not installed.
	 */
	public static PrivateNginx start(List<Integer> upstreamPorts) {
		if (upstreamPorts.isEmpty()) {
			throw new IllegalArgumentException("nginx needs at least one upstream port");
		}
		ServerProcesses.require("nginx", NGINX);
		PrivateNginx nginx = new PrivateNginx(ServerProcesses.newDirectory("parley-nginx"), ServerProcesses.freePort(),
				upstreamPorts);
		try {
			nginx.launch();
			return nginx;
		}
		catch (RuntimeException ex) {
			nginx.close();
			throw ex;
		}
	}

	/** The port nginx listens on (127.0.0.1). */
	public int port() {
		return this.port;
	}

	/** {@code http://127.0.0.1:<port>}, without a trailing slash. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The Parley ports nginx passes requests to. */
	public List<Integer> upstreamPorts() {
		return this.upstreamPorts;
	}

	/**
	 * The requests nginx has answered so far, one line each, oldest first: method, path,
	 * status and the upstream(s) tried ({@code GET /health 200
	 * upstream=127.0.0.1:41000}, or {@code upstream=127.0.0.1:41000, 127.0.0.1:41002}
	 * when nginx went on to the next). A line is written once the request has ended.
	 */
	public List<String> accessLog() {
		try {
			Path log = this.directory.resolve("access.log");
			return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** nginx's error log (kept until {@link #close()}), for failure messages. */
	public String errorLogTail() {
		return ServerProcesses.tail(this.directory.resolve("error.log"));
	}

	private void launch() {
		try {
			// Under root nginx's workers run as another user (www-data), who must reach
			// the
			// temp paths nginx creates in here for them.
			Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxr-xr-x"));
			Files.createDirectories(this.directory.resolve("parley"));
			write("parley/upstream.conf", upstreamConf());
			write("parley/listen.conf", "listen 127.0.0.1:" + this.port + ";\n");
			write("nginx.conf", mainConf());
			this.process = new ProcessBuilder(NGINX.toString(), "-p", this.directory + "/", "-c",
					this.directory.resolve("nginx.conf").toString())
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("nginx.out").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Process started = this.process;
		Awaitility.await("nginx accepting connections on port " + this.port)
			.atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!started.isAlive()) {
					throw new IllegalStateException("nginx ended at start-up (exit " + started.exitValue() + ")\n"
							+ ServerProcesses.tail(this.directory.resolve("nginx.out")) + "\n" + errorLogTail());
				}
				return ServerProcesses.listening(this.port);
			});
	}

	private String upstreamConf() {
		String servers = this.upstreamPorts.stream()
			.map((upstream) -> "\tserver 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=5s;\n")
			.collect(Collectors.joining());
		return "upstream parley {\n" + servers + "\tkeepalive 16;\n}\n";
	}

	private String mainConf() {
		Path dir = this.directory;
		return """
				daemon off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log info;
				events { worker_connections 1024; }
				http {
					log_format parley '$request_method $uri $status upstream=$upstream_addr';
					access_log %1$s/access.log parley;
					# As an operator's http {} may have it: every event stream must get through anyway.
					gzip on;
					gzip_min_length 1;
					gzip_types text/event-stream application/json text/plain;
					client_body_temp_path %1$s/client_body_temp;
					proxy_temp_path %1$s/proxy_temp;
					fastcgi_temp_path %1$s/fastcgi_temp;
					uwsgi_temp_path %1$s/uwsgi_temp;
					scgi_temp_path %1$s/scgi_temp;
					include %2$s;
				}
				""".formatted(dir, snippet());
	}

	/**
	 * {@code deploy/nginx/parley.conf} of this checkout, found from the working directory
	 * up (Maven runs the tests in {@code server/}).
	 */
	private static Path snippet() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(SNIPPET);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException(SNIPPET + " not found above " + Path.of("").toAbsolutePath());
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

	/** Stops nginx ({@code SIGTERM}, then {@code SIGKILL} to it and its workers). */
	@Override
	public synchronized void close() {
		try {
			Process running = this.process;
			if (running != null && running.isAlive()) {
				List<Long> all = ServerProcesses.withDescendants(running.pid());
				running.destroy();
				if (!running.waitFor(10, TimeUnit.SECONDS)) {
					all.forEach((pid) -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
					running.waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			System.err.println("Could not stop nginx on port " + this.port + ": " + ex.getMessage());
		}
		finally {
			ServerProcesses.delete(this.directory);
		}
	}

	@Override
	public String toString() {
		return "nginx on port " + this.port + " in front of " + this.upstreamPorts;
	}

}
