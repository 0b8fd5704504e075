package dev.parley.bench.driver;

import org.HdrHistogram.Histogram;

/**
 * The percentiles the report shows, in microseconds; {@code count == 0} means no data.
 */
record LatencySummary(long count, long p50, long p90, long p99, long p999, long max) {

	static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

	static LatencySummary of(Histogram h) {
		if (h.getTotalCount() == 0) {
			return EMPTY;
		}
		return new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
				h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
	}

	/**
	 * Per-percentile difference {@code this - other} (a difference of percentiles, not of
	 * streams).
	 */
	LatencySummary minus(LatencySummary other) {
		if (this.count == 0 || other.count == 0) {
			return EMPTY;
		}
		return new LatencySummary(Math.min(this.count, other.count), this.p50 - other.p50, this.p90 - other.p90,
				this.p99 - other.p99, this.p999 - other.p999, this.max - other.max);
	}

}
