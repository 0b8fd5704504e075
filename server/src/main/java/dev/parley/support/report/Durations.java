package dev.parley.support.report;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The first-response and resolution times (seconds) of one group of conversations: the
 * first responses kept for their median, the resolutions summed. Not thread-safe.
 */
final class Durations {

	private double[] firstResponses = new double[16];

	private int firstResponseCount;

	private double firstResponseSum;

	private long resolutionCount;

	private double resolutionSum;

	void firstResponse(double seconds) {
		if (this.firstResponseCount == this.firstResponses.length) {
			this.firstResponses = Arrays.copyOf(this.firstResponses, this.firstResponseCount * 2);
		}
		this.firstResponses[this.firstResponseCount++] = seconds;
		this.firstResponseSum += seconds;
	}

	void resolution(double seconds) {
		this.resolutionCount++;
		this.resolutionSum += seconds;
	}

	@Nullable Double firstResponseAverage() {
		return (this.firstResponseCount > 0) ? rounded(this.firstResponseSum / this.firstResponseCount) : null;
	}

	/**
	 * The median first response: the middle value, or the mean of the two middle ones (as
	 * {@code percentile_cont(0.5)}).
	 */
	@Nullable Double firstResponseMedian() {
		int n = this.firstResponseCount;
		if (n == 0) {
			return null;
		}
		double[] sorted = Arrays.copyOf(this.firstResponses, n);
		Arrays.sort(sorted);
		double median = (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
		return rounded(median);
	}

	@Nullable Double resolutionAverage() {
		return (this.resolutionCount > 0) ? rounded(this.resolutionSum / this.resolutionCount) : null;
	}

	/** Seconds to the millisecond. */
	private static double rounded(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}

}
