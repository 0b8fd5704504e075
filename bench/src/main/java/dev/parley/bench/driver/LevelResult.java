package dev.parley.bench.driver;

/**
 * Both paths at one concurrency level; a path that was not run is null.
 *
 * @param concurrency the target number of concurrent streams
 */
record LevelResult(int concurrency, PhaseResult direct, PhaseResult parley) {

	/** Failed recorded streams on both paths. */
	long failures() {
		return ((this.direct != null) ? this.direct.failures().total() : 0)
				+ ((this.parley != null) ? this.parley.failures().total() : 0);
	}

}
