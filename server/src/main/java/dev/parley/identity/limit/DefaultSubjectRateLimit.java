package dev.parley.identity.limit;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.parley.identity.SubjectRateLimit;
import dev.parley.platform.problem.RetryLaterException;

/** {@link SubjectRateLimit} on the limiter of {@link RateLimitFilter}. */
@Component
class DefaultSubjectRateLimit implements SubjectRateLimit {

	private final RateLimiter limiter;

	private final LimitMetrics metrics;

	DefaultSubjectRateLimit(RateLimiter limiter, LimitMetrics metrics) {
		this.limiter = limiter;
		this.metrics = metrics;
	}

	@Override
	public void consume(String name, long capacity, Duration period, String subject) {
		Limit limit = new Limit(name, capacity, period);
		if (limit.unlimited()) {
			return;
		}
		RateDecision decision = this.limiter.tryConsume(limit, subject);
		if (!decision.allowed()) {
			this.metrics.rejected(limit.name());
			throw new RetryLaterException(
					LimitProblem.RATE_LIMITED, "Too many requests: the limit is " + limit.capacity() + " per "
							+ period.toSeconds() + " s; retry in " + decision.retryAfterSeconds() + " s",
					decision.retryAfterSeconds());
		}
	}

}
