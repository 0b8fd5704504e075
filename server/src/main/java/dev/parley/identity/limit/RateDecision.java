package dev.parley.identity.limit;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * The outcome of asking a bucket for one token, in the units of the {@code RateLimit-*}
 * and {@code Retry-After} headers.
 *
 * @param allowed whether the event may go ahead
 * @param limit the bucket's capacity
 * @param remaining tokens left after this event; -1 when the state is unknown (the
 * limiter's store was unreachable and the event was let through)
 * @param resetSeconds whole seconds until the bucket is full again
 * @param retryAfterSeconds whole seconds (at least 1) until one token is back, when not
 * allowed; 0 when allowed
 */
record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

	static RateDecision of(ConsumptionProbe probe, Limit limit) {
		return new RateDecision(probe.isConsumed(), limit.capacity(), Math.max(0, probe.getRemainingTokens()),
				seconds(probe.getNanosToWaitForReset()),
				probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
	}

	static RateDecision of(EstimationProbe probe, Limit limit) {
		boolean allowed = probe.canBeConsumed();
		long remaining = Math.max(0, probe.getRemainingTokens());
		return new RateDecision(allowed, limit.capacity(), remaining, 0,
				allowed ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
	}

	/** Let through without knowing the state: the store could not be asked. */
	static RateDecision unknown(Limit limit) {
		return new RateDecision(true, limit.capacity(), -1, 0, 0);
	}

	boolean known() {
		return this.remaining >= 0;
	}

	/** Nanoseconds rounded up to whole seconds. */
	static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

}
