package dev.parley.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Parley's memory: heap used from the open Prometheus page (the sum of
 * {@code jvm_memory_used_bytes} over the heap's pools; {@code /actuator/metrics} needs an
 * administrator) and the resident set size from {@code /proc/<pid>/status}. Every reading
 * may be absent.
 */
final class ParleyProbe {

	private final HttpClient client;

	private final URI heapMetric;

	private final URI health;

	private final long pid;

	/**
	 * Creates a probe of one Parley process.
	 * @param pid the process id of Parley, or 0 if unknown (RSS is then absent)
	 */
	ParleyProbe(HttpClient client, URI parleyBase, long pid) {
		this.client = client;
		String base = DirectTarget.trimSlash(parleyBase.toString());
		this.heapMetric = URI.create(base + "/actuator/prometheus");
		this.health = URI.create(base + "/health");
		this.pid = pid;
	}

	/** Whether {@code GET /health} answers 200. */
	boolean healthy() {
		return get(this.health).isPresent();
	}

	/** Heap used in bytes. */
	OptionalLong heapUsed() {
		return get(this.heapMetric).map(this::heapFromMetric).orElse(OptionalLong.empty());
	}

	/** Current resident set size in bytes. */
	OptionalLong rss() {
		return statusField("VmRSS");
	}

	/** Peak resident set size in bytes over the process's life. */
	OptionalLong peakRss() {
		return statusField("VmHWM");
	}

	/** The heap pools' {@code jvm_memory_used_bytes} of a Prometheus page, summed. */
	OptionalLong heapFromMetric(String body) {
		double sum = 0;
		boolean found = false;
		for (String line : body.split("\n")) {
			if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				try {
					sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					found = true;
				}
				catch (NumberFormatException ex) {
					return OptionalLong.empty();
				}
			}
		}
		return found ? OptionalLong.of((long) sum) : OptionalLong.empty();
	}

	/**
	 * Parses a {@code kB} field such as {@code VmRSS:   123456 kB} of a proc status file,
	 * in bytes.
	 */
	static OptionalLong parseStatusField(String status, String field) {
		for (String line : status.split("\n")) {
			if (line.startsWith(field + ":")) {
				String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
				try {
					long value = Long.parseLong(parts[0]);
					boolean kilobytes = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
					return OptionalLong.of(kilobytes ? value * 1024 : value);
				}
				catch (NumberFormatException ex) {
					return OptionalLong.empty();
				}
			}
		}
		return OptionalLong.empty();
	}

	private OptionalLong statusField(String field) {
		if (this.pid <= 0) {
			return OptionalLong.empty();
		}
		try {
			return parseStatusField(Files.readString(Path.of("/proc", Long.toString(this.pid), "status")), field);
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	private Optional<String> get(URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? Optional.of(response.body()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
