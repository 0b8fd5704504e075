package dev.parley.bench.driver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The non-streaming gateway throughput rows: wrk against a zero-latency upstream (an
 * nginx answering one fixed {@code chat.completion}), against a plain proxy in front of
 * it (the floor for any gateway), and against Parley's {@code /v1/chat/completions} with
 * a stored provider pointing at the same upstream.
 *
 * @param enabled false after {@code --gateway none}
 * @param upstream the fixed upstream's OpenAI base URL, or null when not started
 * @param proxy the proxy's OpenAI base URL, or null
 * @param model the model Parley routes to the fixed upstream ({@code provider/model})
 * @param upstreamPids the upstream's processes, for its CPU
 * @param proxyPids the proxy's processes, for its CPU
 * @param duration each recorded wrk run
 * @param warmup an unrecorded wrk run before each (0 = none)
 * @param connections wrk's connections
 * @param threads wrk's threads
 */
record GatewayPlan(boolean enabled, URI upstream, URI proxy, String model, List<Long> upstreamPids,
		List<Long> proxyPids, Duration duration, Duration warmup, int connections, int threads) {

	/**
	 * Whether the rows can be measured: asked for, with an upstream to measure against.
	 */
	boolean runs() {
		return this.enabled && this.upstream != null;
	}

}
