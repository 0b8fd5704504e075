package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A Redis server of the test's own, for tests that stop it under running instances:
 * Debian's {@code redis-server} on a free port of 127.0.0.1, nothing kept on disk (as the
 * shared one), so a restart comes back empty, as a Redis without persistence does.
 * {@link #close()} kills it and deletes its directory; never the shared server.
 */
public final class PrivateRedis implements AutoCloseable {

	private static final Path SERVER = Path.of("/usr/bin/redis-server");

	private final Path directory = ServerProcesses.newDirectory("parley-redis");

	private final int port = ServerProcesses.freePort();

	private Process process;

	private PrivateRedis() {
	}

	/** A started server; skipped loudly (failed on CI) when Redis is not installed. */
	public static PrivateRedis launch() {
		ServerProcesses.require("Redis", SERVER);
		PrivateRedis redis = new PrivateRedis();
		redis.start();
		return redis;
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Starts the server (again) on the same port; returns once it accepts connections.
	 */
	public synchronized void start() {
		try {
			this.process = new ProcessBuilder(List.of(SERVER.toString(), "--port", Integer.toString(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()))
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Awaitility.await("the private Redis on " + this.port)
			.atMost(Duration.ofSeconds(30))
			.until(() -> ServerProcesses.listening(this.port));
	}

	/** Kills the server ({@code SIGKILL}); returns once its port refuses connections. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
		Awaitility.await("the private Redis on " + this.port + " to stop")
			.atMost(Duration.ofSeconds(30))
			.until(() -> !ServerProcesses.listening(this.port));
	}

	@Override
	public synchronized void close() {
		stop();
		ServerProcesses.delete(this.directory);
	}

}
