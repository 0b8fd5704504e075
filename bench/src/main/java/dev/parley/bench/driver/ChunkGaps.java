package dev.parley.bench.driver;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The gaps between consecutive tokens of completed streams, as the driver received them
 * (microseconds), and how many were under 1 ms: chunks that arrived bunched together.
 */
final class ChunkGaps {

	static final long BUNCHED_MICROS = 1_000;

	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private final Histogram gaps = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	private final LongAdder bunched = new LongAdder();

	/** Records the first {@code count} gaps of one stream. */
	void record(int[] gapsMicros, int count) {
		long under = 0;
		for (int i = 0; i < count; i++) {
			long gap = Math.min(HIGHEST_MICROS, Math.max(0, gapsMicros[i]));
			this.gaps.recordValue(gap);
			if (gap < BUNCHED_MICROS) {
				under++;
			}
		}
		this.bunched.add(under);
	}

	GapSummary summary() {
		if (this.gaps.getTotalCount() == 0) {
			return GapSummary.EMPTY;
		}
		return new GapSummary(this.gaps.getTotalCount(), this.gaps.getValueAtPercentile(50),
				this.gaps.getValueAtPercentile(99), this.gaps.getValueAtPercentile(99.9), this.bunched.sum());
	}

	/**
	 * Gap percentiles in microseconds; {@code count == 0} means no data.
	 *
	 * @param count gaps recorded
	 * @param p50 median gap
	 * @param p99 99th percentile gap
	 * @param p999 99.9th percentile gap
	 * @param bunched gaps under 1 ms
	 */
	record GapSummary(long count, long p50, long p99, long p999, long bunched) {

		static final GapSummary EMPTY = new GapSummary(0, 0, 0, 0, 0);

		/** The share of gaps under 1 ms, 0 to 1. */
		double bunchedShare() {
			return (this.count == 0) ? 0 : (double) this.bunched / this.count;
		}

		/**
		 * How much this path adds to the p99 gap of {@code direct} (a difference of
		 * percentiles), or null when either has no data.
		 */
		Long addedP99(GapSummary direct) {
			return (this.count == 0 || direct.count == 0) ? null : this.p99 - direct.p99;
		}

	}

}
