package dev.parley.identity.limit;

import java.util.function.Function;

import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;

import dev.parley.platform.cluster.RedisLink;

/**
 * The limiter of a cluster: buckets in Redis while Redis answers, so all instances share
 * one limit; this instance's own buckets while it does not, so that limits (login
 * throttling included) still hold per instance instead of letting everything through.
 * Shared mode returns by itself once Redis answers again.
 */
final class SharedRateLimiter implements RateLimiter {

	private final RedisLink link;

	private final LocalRateLimiter local = new LocalRateLimiter(TimeMeter.SYSTEM_MILLISECONDS);

	private final RedisOutage outage;

	private volatile @Nullable RedisRateLimiter shared;

	SharedRateLimiter(RedisLink link, RedisOutage outage) {
		this.link = link;
		this.outage = outage;
	}

	@Override
	public RateDecision tryConsume(Limit limit, String subject) {
		return call((limiter) -> limiter.tryConsume(limit, subject));
	}

	@Override
	public RateDecision estimate(Limit limit, String subject) {
		return call((limiter) -> limiter.estimate(limit, subject));
	}

	@Override
	public void penalize(Limit limit, String subject) {
		call((limiter) -> {
			limiter.penalize(limit, subject);
			return null;
		});
	}

	@Override
	public void reset(Limit limit, String subject) {
		// Both: a bucket filled during an outage must not outlive a reset.
		this.local.reset(limit, subject);
		call((limiter) -> {
			limiter.reset(limit, subject);
			return null;
		});
	}

	private <T> @Nullable T call(Function<RateLimiter, @Nullable T> use) {
		if (this.link.up()) {
			try {
				T result = use.apply(redis());
				this.outage.succeeded();
				return result;
			}
			catch (RuntimeException ex) {
				this.outage.failed(ex);
			}
		}
		else {
			this.outage.skipped();
		}
		return use.apply(this.local);
	}

	private RedisRateLimiter redis() {
		RedisRateLimiter limiter = this.shared;
		if (limiter == null) {
			limiter = new RedisRateLimiter(this.link.binary());
			this.shared = limiter;
		}
		return limiter;
	}

}
