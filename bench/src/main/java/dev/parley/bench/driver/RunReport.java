package dev.parley.bench.driver;

import java.util.List;

/**
 * Everything a run produced, for the report.
 *
 * @param options the settings used
 * @param command the command-line flags as given
 * @param machine a one-line description of the machine
 * @param levels results per concurrency level
 * @param capacity the capacity phase, or null if it was skipped
 * @param gateway the gateway rows (non-streaming throughput, streaming bursts)
 * @param notes remarks about the run (set-up problems, skipped phases)
 * @param elapsedSeconds how long the run took
 */
record RunReport(BenchOptions options, String command, String machine, List<LevelResult> levels,
		CapacityResult capacity, GatewayResults gateway, List<String> notes, long elapsedSeconds) {

	/** A report without gateway rows. */
	RunReport(BenchOptions options, String command, String machine, List<LevelResult> levels, CapacityResult capacity,
			List<String> notes, long elapsedSeconds) {
		this(options, command, machine, levels, capacity, GatewayResults.NONE, notes, elapsedSeconds);
	}

	/**
	 * Failed or dropped streams in recorded phases, the capacity phase and the gateway
	 * bursts, and failed gateway requests.
	 */
	long failures() {
		long total = this.levels.stream().mapToLong(LevelResult::failures).sum() + this.gateway.failures();
		return total + ((this.capacity != null) ? this.capacity.failures().total() : 0);
	}

}
