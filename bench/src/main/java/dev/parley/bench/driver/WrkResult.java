package dev.parley.bench.driver;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one wrk run measured, as its Lua script's {@code done} printed it: wrk keeps a
 * fixed number of connections busy (closed loop), so its latencies are those of requests
 * that found a free connection, and its throughput is what the server sustains.
 *
 * @param requests requests completed
 * @param durationMicros how long the run lasted
 * @param p50 median latency, microseconds
 * @param p90 90th percentile latency, microseconds
 * @param p99 99th percentile latency, microseconds
 * @param p999 99.9th percentile latency, microseconds
 * @param max highest latency, microseconds
 * @param statusErrors responses with a status of 400 or more (wrk's "Non-2xx or 3xx")
 * @param socketErrors connect, read and write errors and timeouts together
 */
record WrkResult(long requests, long durationMicros, long p50, long p90, long p99, long p999, long max,
		long statusErrors, long socketErrors) {

	static final String MARKER = "WRK_RESULT ";

	/** Completed requests per second. */
	double requestsPerSecond() {
		return (this.durationMicros <= 0) ? 0 : this.requests * 1e6 / this.durationMicros;
	}

	/** Requests that did not get a successful answer. */
	long failures() {
		return this.statusErrors + this.socketErrors;
	}

	/** Finds and parses the script's result line in wrk's output, if it printed one. */
	static Optional<WrkResult> parse(String output) {
		int at = output.lastIndexOf(MARKER);
		if (at < 0) {
			return Optional.empty();
		}
		int end = output.indexOf('\n', at);
		String line = output.substring(at + MARKER.length(), (end < 0) ? output.length() : end).trim();
		Map<String, Long> values = new HashMap<>();
		for (String pair : line.split("\\s+")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				try {
					values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			}
		}
		if (!values.containsKey("requests") || !values.containsKey("duration_us")) {
			return Optional.empty();
		}
		long socket = values.getOrDefault("connect_errors", 0L) + values.getOrDefault("read_errors", 0L)
				+ values.getOrDefault("write_errors", 0L) + values.getOrDefault("timeouts", 0L);
		return Optional.of(new WrkResult(values.get("requests"), values.get("duration_us"),
				values.getOrDefault("p50_us", 0L), values.getOrDefault("p90_us", 0L), values.getOrDefault("p99_us", 0L),
				values.getOrDefault("p999_us", 0L), values.getOrDefault("max_us", 0L),
				values.getOrDefault("status_errors", 0L), socket));
	}

}
