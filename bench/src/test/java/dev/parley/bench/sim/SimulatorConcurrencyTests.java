package dev.parley.bench.sim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds many concurrent streams at once (500 by default; {@code -Dsim.concurrency=2000}
 * for the bounded capacity check) and checks every one gets its whole text.
 */
class SimulatorConcurrencyTests {

	@Test
	void holdsManyConcurrentStreams() throws Exception {
		int streams = Integer.getInteger("sim.concurrency", 500);
		int tokens = 20;
		long delayMs = 100;
		String expected = Simulator.expectedText(tokens);
		AtomicInteger peak = new AtomicInteger();
		try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withTokens(tokens).withDelayMs(delayMs));
				HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
				.POST(HttpRequest.BodyPublishers.ofString(SimulatorTests.body("sim", true, "")))
				.build();
			long start = System.nanoTime();
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < streams; i++) {
				results.add(threads.submit(() -> readText(client, request, sim, peak)));
			}
			int complete = 0;
			for (Future<String> result : results) {
				if (expected.equals(result.get(120, TimeUnit.SECONDS))) {
					complete++;
				}
			}
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			System.out.printf(
					"simulator: %d concurrent streams of %d tokens every %d ms: %d complete, peak %d open,"
							+ " %d ms wall (ideal %d ms)%n",
					streams, tokens, delayMs, complete, peak.get(), millis, (tokens - 1) * delayMs);
			assertThat(complete).isEqualTo(streams);
			assertThat(sim.cancelledStreams()).isZero();
		}
	}

	private static String readText(HttpClient client, HttpRequest request, Simulator sim, AtomicInteger peak)
			throws Exception {
		HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		StringBuilder text = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				int at = line.indexOf("\"content\":\"");
				if (at >= 0) {
					text.append(line, at + 11, line.indexOf('"', at + 11));
				}
				peak.accumulateAndGet(sim.activeStreams(), Math::max);
			}
		}
		return text.toString();
	}

}
