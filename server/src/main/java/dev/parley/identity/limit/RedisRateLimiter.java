package dev.parley.identity.limit;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Buckets in Redis (keys {@code parley:rl:<limit>:<subject>}), so that every instance
 * shares one limit. When Redis cannot be reached, events are let through (fail open)
 * rather than failed: a rate limit is not worth an outage.
 */
final class RedisRateLimiter implements RateLimiter {

	static final String KEY_PREFIX = "parley:rl:";

	private final ProxyManager<String> buckets;

	private final RedisOutage outage;

	RedisRateLimiter(StatefulRedisConnection<String, byte[]> connection, RedisOutage outage) {
		// A bucket left alone is dropped by Redis once it would be full again, plus a
		// margin.
		this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		this.outage = outage;
	}

	@Override
	public RateDecision tryConsume(Limit limit, String subject) {
		return guarded(() -> RateDecision.of(bucket(limit, subject).tryConsumeAndReturnRemaining(1), limit),
				RateDecision.unknown(limit));
	}

	@Override
	public RateDecision estimate(Limit limit, String subject) {
		return guarded(() -> RateDecision.of(bucket(limit, subject).estimateAbilityToConsume(1), limit),
				RateDecision.unknown(limit));
	}

	@Override
	public void penalize(Limit limit, String subject) {
		guarded(() -> bucket(limit, subject).consumeIgnoringRateLimits(1), 0L);
	}

	@Override
	public void reset(Limit limit, String subject) {
		guarded(() -> {
			this.buckets.removeProxy(key(limit, subject));
			return null;
		}, null);
	}

	private <T> T guarded(Supplier<T> call, T fallback) {
		try {
			T result = call.get();
			this.outage.succeeded();
			return result;
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			return fallback;
		}
	}

	private BucketProxy bucket(Limit limit, String subject) {
		return this.buckets.builder().build(key(limit, subject), limit::bucket);
	}

	static String key(Limit limit, String subject) {
		return KEY_PREFIX + limit.name() + ":" + subject;
	}

}
