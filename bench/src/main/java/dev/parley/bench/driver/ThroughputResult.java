package dev.parley.bench.driver;

/**
 * One row of the gateway throughput table: what wrk measured against one target and the
 * CPU its server and the upstream behind it spent per request.
 *
 * @param target "nginx fixed", "nginx proxy" or "Parley"
 * @param wrk wrk's figures
 * @param serverCpuMsPerRequest the target's own CPU ms per completed request (-1 =
 * unknown)
 * @param upstreamCpuMsPerRequest the fixed upstream's CPU ms per request when the target
 * is in front of it (-1 = none or unknown)
 */
record ThroughputResult(String target, WrkResult wrk, double serverCpuMsPerRequest, double upstreamCpuMsPerRequest) {

	static final String UPSTREAM = "nginx fixed";

	static final String PROXY = "nginx proxy";

	static final String PARLEY = "Parley";

	/**
	 * CPU ms per request from two CPU readings in nanoseconds (-1 when either is unknown
	 * or nothing completed).
	 */
	static double msPerRequest(long startNanos, long endNanos, long requests) {
		return (startNanos < 0 || endNanos < 0 || requests < 1) ? -1 : (endNanos - startNanos) / 1e6 / requests;
	}

}
