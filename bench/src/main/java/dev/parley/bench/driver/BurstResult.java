package dev.parley.bench.driver;

import java.util.List;

/**
 * What one path did in the bursts of one size, every round's streams pooled. Latencies
 * are from the burst's start, the moment all its requests were due.
 *
 * @param size simultaneous requests per burst
 * @param path "direct", "relay" or "Parley gateway"
 * @param streams streams started over all rounds
 * @param ttft time to first token
 * @param total time to {@code data: [DONE]}
 * @param ok streams that completed
 * @param failures why the others did not
 * @param gaps gaps between consecutive tokens as received
 * @param tokensPerStream mean tokens per completed stream
 * @param serverCpuMsPerStream CPU ms per started stream of the path's server (-1 = none
 * or unknown)
 * @param samples the first failure descriptions
 */
record BurstResult(int size, String path, long streams, LatencySummary ttft, LatencySummary total, long ok,
		Failures failures, ChunkGaps.GapSummary gaps, double tokensPerStream, double serverCpuMsPerStream,
		List<String> samples) {

	static final String DIRECT = "direct";

	static final String RELAY = "relay";

	static final String GATEWAY = "Parley gateway";

}
