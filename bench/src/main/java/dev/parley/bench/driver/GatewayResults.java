package dev.parley.bench.driver;

import java.util.List;

/**
 * The gateway rows of a run: non-streaming throughput per target and streaming bursts per
 * size and path; either list is empty when that part was skipped.
 *
 * @param throughput wrk's rows, in the order measured
 * @param bursts the burst rows, by size, then path
 */
record GatewayResults(List<ThroughputResult> throughput, List<BurstResult> bursts) {

	static final GatewayResults NONE = new GatewayResults(List.of(), List.of());

	/** Requests and streams that failed in either part. */
	long failures() {
		return this.throughput.stream().mapToLong((t) -> t.wrk().failures()).sum()
				+ this.bursts.stream().mapToLong((b) -> b.failures().total()).sum();
	}

}
