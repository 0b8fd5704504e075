package dev.parley.bench.driver;

/**
 * Every path at one concurrency level; a path that was not run is null.
 *
 * @param concurrency the target number of concurrent streams
 * @param direct straight from the simulator
 * @param parley through Parley
 * @param relay through an nginx relaying the simulator's SSE (the floor for any relay)
 */
record LevelResult(int concurrency, PhaseResult direct, PhaseResult parley, PhaseResult relay) {

	LevelResult(int concurrency, PhaseResult direct, PhaseResult parley) {
		this(concurrency, direct, parley, null);
	}

	/** The paths that were run, direct first, then the relay, then Parley. */
	java.util.List<PhaseResult> paths() {
		return java.util.stream.Stream.of(this.direct, this.relay, this.parley)
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/** Failed recorded streams on both paths. */
	long failures() {
		return paths().stream().mapToLong((p) -> p.failures().total()).sum();
	}

}
