package dev.parley.bench.driver;

import java.time.Duration;

/**
 * A fixed, open-loop arrival schedule: stream i is due at {@code i * intervalNanos} from
 * the phase start whatever happened to earlier streams, and the first {@code warmupCount}
 * streams are not recorded. The rate follows Little's law: concurrency = rate x stream
 * duration.
 */
record ArrivalSchedule(int concurrency, long intervalNanos, int warmupCount, int measuredCount) {

	ArrivalSchedule {
		if (concurrency < 1 || intervalNanos < 1 || warmupCount < 0 || measuredCount < 1) {
			throw new IllegalArgumentException("invalid schedule");
		}
	}

	/**
	 * The schedule that keeps {@code concurrency} streams of the given duration in
	 * flight.
	 * @param streamDuration nominal duration of one stream (at least 1 ms)
	 * @param warmup how long streams arrive before recording starts; at least one stream
	 * duration, so recording starts once the target concurrency is reached
	 * @param measured how long recorded streams arrive
	 */
	static ArrivalSchedule forConcurrency(int concurrency, Duration streamDuration, Duration warmup,
			Duration measured) {
		if (streamDuration.toMillis() < 1) {
			throw new IllegalArgumentException("a stream must last at least 1 ms to derive a rate");
		}
		long interval = Math.max(1, Math.round((double) streamDuration.toNanos() / concurrency));
		long warmNanos = Math.max(warmup.toNanos(), streamDuration.toNanos());
		int warm = (int) Math.min(Integer.MAX_VALUE / 2, warmNanos / interval);
		int recorded = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, measured.toNanos() / interval));
		return new ArrivalSchedule(concurrency, interval, warm, recorded);
	}

	/** Streams started per second. */
	double ratePerSecond() {
		return 1e9 / this.intervalNanos;
	}

	/** All streams of the phase, warm-up included. */
	int total() {
		return this.warmupCount + this.measuredCount;
	}

	/** When stream i is due, in nanoseconds after the phase start. */
	long offsetNanos(int i) {
		return i * this.intervalNanos;
	}

	/** Whether stream i belongs to the unrecorded warm-up. */
	boolean isWarmup(int i) {
		return i < this.warmupCount;
	}

	/** From the first arrival to the last one. */
	Duration span() {
		return Duration.ofNanos(offsetNanos(total() - 1));
	}

}
