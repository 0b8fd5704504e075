package dev.parley.bench.driver;

import java.util.List;

/**
 * Streaming through Parley's gateway under bursts: {@code N} simultaneous
 * {@code stream: true} requests to {@code /v1/chat/completions}, and the same burst
 * straight to the simulator (and through the nginx relay, when there is one) as the
 * baseline.
 *
 * @param sizes the burst sizes, in order (empty = none)
 * @param rounds how many bursts of each size per path (their streams are pooled)
 */
record BurstPlan(List<Integer> sizes, int rounds) {

	boolean runs() {
		return !this.sizes.isEmpty() && this.rounds > 0;
	}

}
