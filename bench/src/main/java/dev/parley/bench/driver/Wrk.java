package dev.parley.bench.driver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code wrk} load generator as a child process: a C program that keeps
 * thousands of requests a second going on a few threads, which the JDK client in this
 * driver could not without taking the cores from the server it measures. Each run's raw
 * output is kept in the logs directory.
 */
final class Wrk {

	private static final String SCRIPT = "wrk-post-json.lua";

	private final Path logs;

	private final Path script;

	private Wrk(Path logs, Path script) {
		this.logs = logs;
		this.script = script;
	}

	/**
	 * Prepares runs whose output goes to {@code logs}, copying the driver's Lua script
	 * there.
	 */
	static Wrk in(Path logs) throws IOException {
		Files.createDirectories(logs);
		Path script = logs.resolve(SCRIPT);
		try (InputStream in = Wrk.class.getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IOException("the driver's " + SCRIPT + " is not on the class path");
			}
			Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
		}
		return new Wrk(logs, script);
	}

	/**
	 * POSTs {@code body} to {@code url} over {@code connections} keep-alive connections
	 * for {@code duration}.
	 * @param label names the raw output file, {@code wrk-LABEL.txt}
	 * @param authorization the Authorization header, or null
	 * @throws IOException if wrk cannot start, fails, or prints no result
	 */
	WrkResult run(String label, URI url, String body, String authorization, int threads, int connections,
			Duration duration) throws IOException, InterruptedException {
		Path output = this.logs.resolve("wrk-" + label + ".txt");
		ProcessBuilder builder = new ProcessBuilder(List.of("wrk", "-t", Integer.toString(threads), "-c",
				Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s", "--latency", "-s",
				this.script.toString(), url.toString()))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("WRK_BODY", body);
		builder.environment().put("WRK_AUTHORIZATION", (authorization != null) ? authorization : "");
		Process wrk = builder.start();
		if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
			wrk.destroyForcibly();
			throw new IOException("wrk did not finish within " + (duration.toSeconds() + 30) + " s (" + output + ")");
		}
		String text = Files.readString(output);
		if (wrk.exitValue() != 0) {
			throw new IOException("wrk exited with " + wrk.exitValue() + ": " + firstLine(text));
		}
		return WrkResult.parse(text)
			.orElseThrow(() -> new IOException("wrk printed no result line (" + output + "): " + firstLine(text)));
	}

	private static String firstLine(String text) {
		String trimmed = text.strip();
		int nl = trimmed.indexOf('\n');
		return (nl < 0) ? trimmed : trimmed.substring(0, nl);
	}

}
