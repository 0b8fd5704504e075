package dev.parley.identity.limit;

import org.springframework.stereotype.Component;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.CallerRateLimit;
import dev.parley.platform.problem.RetryLaterException;

/**
 * {@link CallerRateLimit} on the buckets of {@link RateLimitFilter}: the same limit, the
 * same subject, the same problem.
 */
@Component
class DefaultCallerRateLimit implements CallerRateLimit {

	private final RateLimiter limiter;

	private final QuotaPolicy quotas;

	private final LimitMetrics metrics;

	DefaultCallerRateLimit(RateLimiter limiter, QuotaPolicy quotas, LimitMetrics metrics) {
		this.limiter = limiter;
		this.quotas = quotas;
		this.metrics = metrics;
	}

	@Override
	public void consume(AuthenticatedUser caller) {
		Limit limit = this.quotas.requests(caller);
		if (limit.unlimited()) {
			return;
		}
		RateDecision decision = this.limiter.tryConsume(limit, caller.viaApiKey() ? caller.apiKeyId() : caller.id());
		if (!decision.allowed()) {
			this.metrics.rejected(limit.name());
			throw new RetryLaterException(
					LimitProblem.RATE_LIMITED, "Too many requests: the limit is " + limit.capacity()
							+ " per minute; retry in " + decision.retryAfterSeconds() + " s",
					decision.retryAfterSeconds());
		}
	}

}
