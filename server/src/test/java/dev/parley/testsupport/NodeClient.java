package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Node.js client written with an official SDK from npm ({@code src/test/node/NAME}, a
 * {@code package.json}, its {@code package-lock.json} and scripts), copied to
 * {@code target/sdk-clients/NAME} and installed there with {@code npm ci}, so that a test
 * run never writes into the source tree. The installation is redone only when the lock
 * file changed. Without node and npm the calling test is skipped with a message, unless
 * {@code CI=true}, where it fails.
 */
public final class NodeClient {

	private static final Path SOURCES = Path.of("src/test/node");

	private static final Path INSTALLS = Path.of("target/sdk-clients");

	private static final String LOCK = "package-lock.json";

	private static final String INSTALLED_LOCK = ".installed-" + LOCK;

	private static final long INSTALL_SECONDS = 300;

	private static final long RUN_SECONDS = 120;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path directory;

	private NodeClient(Path directory) {
		this.directory = directory;
	}

	/**
	 * The client under {@code src/test/node/name}, installed into
	 * {@code target/sdk-clients/name} if it is not yet (or its lock file changed).
	 */
	public static NodeClient installed(String name) {
		requireTools();
		Path source = SOURCES.resolve(name).toAbsolutePath();
		Path target = INSTALLS.resolve(name).toAbsolutePath();
		try {
			copySources(source, target);
			String lock = Files.readString(source.resolve(LOCK), StandardCharsets.UTF_8);
			Path stamp = target.resolve(INSTALLED_LOCK);
			boolean current = Files.isRegularFile(stamp) && Files.isDirectory(target.resolve("node_modules"))
					&& Files.readString(stamp, StandardCharsets.UTF_8).equals(lock);
			if (!current) {
				Run install = run(target, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_SECONDS);
				assertThat(install.exit()).as("npm ci in " + target + " failed:\n" + install.output()).isZero();
				Files.writeString(stamp, lock, StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new NodeClient(target);
	}

	/**
	 * The web app's own directory ({@code web/}), whose packages the build installed
	 * ({@code web/build.sh}, run by Maven before the tests).
	 */
	public static NodeClient webApp() {
		requireTools();
		Path web = Path.of("..", "web").toAbsolutePath().normalize();
		assertThat(web.resolve("node_modules")).as("web/node_modules, installed by web/build.sh during the build")
			.isDirectory();
		return new NodeClient(web);
	}

	/**
	 * Runs {@code command} in the client's directory with the given environment added,
	 * for at most {@code timeoutSeconds}.
	 * @return its exit status and what it printed
	 */
	public Run command(List<String> command, Map<String, String> environment, long timeoutSeconds) {
		try {
			return run(this.directory, command, environment, timeoutSeconds);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs {@code node script} in the installed client with the given environment added,
	 * and asserts that it exits with 0.
	 * @return what it printed (standard output and error)
	 */
	public Run run(String script, Map<String, String> environment) {
		try {
			Run run = run(this.directory, List.of("node", script), environment, RUN_SECONDS);
			assertThat(run.exit()).as("node " + script + " failed:\n" + run.output()).isZero();
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a process printed and its exit status.
	 *
	 * @param exit the exit status
	 * @param output standard output and standard error, interleaved
	 */
	public record Run(int exit, String output) {

		/** The last line printed, read as JSON (the clients print their result so). */
		public JsonNode lastJsonLine() {
			String[] lines = this.output.strip().split("\n");
			return JSON.readTree(lines[lines.length - 1]);
		}

	}

	private static void copySources(Path source, Path target) throws IOException {
		assertThat(source.resolve(LOCK)).as("the client's lock file").isRegularFile();
		List<Path> files = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(source)) {
			walk.filter(Files::isRegularFile)
				.filter((file) -> !source.relativize(file).startsWith("node_modules"))
				.forEach(files::add);
		}
		for (Path file : files) {
			Path copy = target.resolve(source.relativize(file).toString());
			Files.createDirectories(copy.getParent());
			Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static Run run(Path directory, List<String> command, Map<String, String> environment, long timeoutSeconds)
			throws IOException {
		Path log = Files.createTempFile("node-client", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new AssertionError(command + " did not end within " + timeoutSeconds + " s:\n"
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
			return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new AssertionError("interrupted while running " + command, ex);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private static void requireTools() {
		if (available("node") && available("npm")) {
			return;
		}
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		assertThat(ci).as("CI=true: node and npm are required for the SDK client tests").isFalse();
		System.err.println("SKIPPED: node or npm is not installed on this machine, the SDK client test does not run");
		Assumptions.abort("node or npm is not installed");
	}

	private static boolean available(String tool) {
		try {
			Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
