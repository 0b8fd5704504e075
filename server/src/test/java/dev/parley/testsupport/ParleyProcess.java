package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import dev.parley.ParleyApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Parley server run as a child process (a JVM of its own on the test class path), for
 * tests that kill it the hard way and start it again on the same data directory: it gets
 * a free port, the {@link TestSimulator#secondLane() second-lane simulator} as its
 * environment's provider and the secrets of {@link TestApp}, all through the environment
 * and the command line as a real deployment would. {@link #kill()} sends {@code SIGKILL};
 * {@link #close()} kills what still runs. Its output goes to {@link #log()}, quoted when
 * it fails to start.
 */
public final class ParleyProcess implements AutoCloseable {

	/** A start on a busy 2-core machine takes 10-30 s; a hung one fails after this. */
	private static final Duration START_PATIENCE = Duration.ofSeconds(120);

	/**
	 * Where the servers' output goes (under the module's build directory when run by
	 * Maven).
	 */
	private static final Path LOGS = Path.of("target", "parley-processes");

	/** The exit value the JVM reports for a child ended by signal 9 (128 + 9). */
	private static final int KILLED_BY_SIGKILL = 137;

	private final Process process;

	private final int port;

	private final Path log;

	private ParleyProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** A server on {@code dataDir} with the default (embedded H2) database. */
	public static Builder on(Path dataDir) {
		return new Builder(dataDir);
	}

	/**
	 * Starts the servers at once, each waited for on a virtual thread of its own (never
	 * on the common fork-join pool: a start blocks for seconds, and the common pool of a
	 * 2-core machine has one thread, which the other test lane's code may need
	 * meanwhile), and answers them in order once all answer; if one fails, those started
	 * are stopped.
	 */
	public static List<ParleyProcess> startAll(List<Builder> servers) {
		List<ParleyProcess> started = new ArrayList<>();
		try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ParleyProcess>> futures = servers.stream()
				.map((server) -> starting.submit(server::start))
				.toList();
			RuntimeException failure = null;
			for (Future<ParleyProcess> future : futures) {
				try {
					started.add(future.get());
				}
				catch (ExecutionException ex) {
					failure = (ex.getCause() instanceof RuntimeException cause) ? cause
							: new IllegalStateException(ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failure = new IllegalStateException(ex);
				}
			}
			if (failure != null) {
				started.forEach(ParleyProcess::close);
				throw failure;
			}
			return started;
		}
	}

	public int port() {
		return this.port;
	}

	/** A client of this server. */
	public TestClient client() {
		return TestClient.onPort(this.port);
	}

	/** The file holding the server's standard output and error. */
	public Path log() {
		return this.log;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * Kills the server with {@code SIGKILL} ({@link Process#destroyForcibly()} on Linux),
	 * nothing flushed or closed, and checks that the signal is what ended it.
	 */
	public void kill() {
		this.process.destroyForcibly();
		int exit = waitForExit();
		assertThat(exit).as("exit value of a process ended by SIGKILL (128 + 9)").isEqualTo(KILLED_BY_SIGKILL);
	}

	/** Stops the server with {@code SIGTERM}, as an operator would, and waits for it. */
	public void stop() {
		this.process.destroy();
		waitForExit();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			waitForExit();
		}
	}

	private int waitForExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Parley (pid " + pid() + ") did not end within 60 s");
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The last lines of the server's output, for failure messages. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			Awaitility.await("Parley on port " + this.port + " to answer /health")
				.atMost(START_PATIENCE)
				.pollInterval(Duration.ofMillis(200))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(
								"Parley exited with " + this.process.exitValue() + " while starting:\n" + logTail());
					}
					return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				});
		}
		catch (RuntimeException ex) {
			close();
			throw new IllegalStateException("Parley did not start (log " + this.log + "):\n" + logTail(), ex);
		}
	}

	/** What to start: the data directory, and settings as command-line properties. */
	public static final class Builder {

		private final Path dataDir;

		private final Map<String, String> properties = new LinkedHashMap<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Builder(Path dataDir) {
			this.dataDir = dataDir;
		}

		/** A Spring property, passed as {@code --name=value} (it wins over the rest). */
		public Builder property(String name, String value) {
			this.properties.put(name, value);
			return this;
		}

		/**
		 * An environment variable of the server (after the test settings, so it wins over
		 * them), as an operator would set {@code PARLEY_LOG_FORMAT}.
		 */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/** Uses this private database instead of the embedded H2 one. */
		public Builder database(TestDatabase database) {
			return property("spring.datasource.url", database.url()).property("spring.datasource.username",
					database.user());
		}

		/** Starts the server and waits until it answers {@code /health}. */
		public ParleyProcess start() {
			int port = freePort();
			try {
				Files.createDirectories(LOGS);
				Path log = Files.createTempFile(LOGS, "parley-" + port + "-", ".log");
				List<String> command = new ArrayList<>(List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
						"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath(), ParleyApplication.class.getName(),
						"--server.port=" + port, "--parley.data-dir=" + this.dataDir,
						"--parley.conversation.titles.enabled=false"));
				this.properties.forEach((name, value) -> command.add("--" + name + "=" + value));
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(log.toFile());
				environment(builder.environment());
				builder.environment().putAll(this.environment);
				ParleyProcess started = new ParleyProcess(builder.start(), port, log);
				started.awaitReady();
				return started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** This machine's environment without Parley's settings, plus the test ones. */
		private static void environment(Map<String, String> environment) {
			environment.keySet()
				.removeIf((name) -> name.startsWith("PARLEY_") || name.startsWith("SPRING_")
						|| name.startsWith("OPENAI_") || name.startsWith("ANTHROPIC_") || name.equals("SERVER_PORT"));
			environment.put("OPENAI_BASE_URL", TestSimulator.secondLane().baseUrl());
			environment.put("OPENAI_API_KEY", TestApp.PROVIDER_KEY);
			environment.put("PARLEY_DEFAULT_MODEL", TestApp.DEFAULT_MODEL);
			environment.put("PARLEY_JWT_SECRET", TestApp.JWT_SECRET);
			environment.put("PARLEY_ADMIN_EMAIL", TestApp.ADMIN_EMAIL);
			environment.put("PARLEY_ADMIN_PASSWORD", TestApp.ADMIN_PASSWORD);
		}

		private static String javaExecutable() {
			return Path.of(System.getProperty("java.home"), "bin", "java").toString();
		}

		/**
		 * The test class path: Maven's forked test JVMs start from a manifest-only jar
		 * and name the real path in {@code surefire.test.class.path}.
		 */
		private static String classPath() {
			String surefire = System.getProperty("surefire.test.class.path");
			return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
