package dev.parley.identity.limit;

import java.time.Duration;

import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Buckets in Redis (keys {@code parley:rl:<limit>:<capacity>:<subject>}), so that every
 * instance shares one limit. A call that cannot reach Redis throws;
 * {@link SharedRateLimiter} then answers from this instance's own buckets.
 */
final class RedisRateLimiter extends BucketRateLimiter {

	static final String KEY_PREFIX = "parley:rl:";

	private final ProxyManager<String> buckets;

	RedisRateLimiter(StatefulRedisConnection<String, byte[]> connection) {
		// A bucket left alone is dropped by Redis once it would be full again, plus a
		// margin.
		this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	@Override
	public void reset(Limit limit, String subject) {
		this.buckets.removeProxy(key(limit, subject));
	}

	@Override
	protected BucketProxy bucket(Limit limit, String subject) {
		return this.buckets.builder().build(key(limit, subject), limit::bucket);
	}

	static String key(Limit limit, String subject) {
		return KEY_PREFIX + limit.key(subject);
	}

}
