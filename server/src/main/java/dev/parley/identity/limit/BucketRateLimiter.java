package dev.parley.identity.limit;

import io.github.bucket4j.Bucket;

/**
 * A {@link RateLimiter} over Bucket4j buckets, wherever they are kept: one bucket per
 * limit and subject, found (or made full) by {@link #bucket}.
 */
abstract class BucketRateLimiter implements RateLimiter {

	/** The bucket of this limit and subject, made full when there is none yet. */
	protected abstract Bucket bucket(Limit limit, String subject);

	@Override
	public final RateDecision tryConsume(Limit limit, String subject) {
		return RateDecision.of(bucket(limit, subject).tryConsumeAndReturnRemaining(1), limit);
	}

	@Override
	public final RateDecision estimate(Limit limit, String subject) {
		return RateDecision.of(bucket(limit, subject).estimateAbilityToConsume(1), limit);
	}

	@Override
	public final void penalize(Limit limit, String subject) {
		bucket(limit, subject).consumeIgnoringRateLimits(1);
	}

}
