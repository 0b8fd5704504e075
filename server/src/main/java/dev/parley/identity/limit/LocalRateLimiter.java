package dev.parley.identity.limit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Buckets in this process, for a single instance: kept in a bounded cache that forgets a
 * bucket once it has been idle long enough to be full again.
 */
final class LocalRateLimiter extends BucketRateLimiter {

	static final long MAX_BUCKETS = 200_000;

	private final Cache<String, Entry> buckets;

	private final TimeMeter clock;

	LocalRateLimiter(TimeMeter clock) {
		this.clock = clock;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_BUCKETS)
			.expireAfter(Expiry.<String, Entry>accessing((key, entry) -> entry.idle()))
			.build();
	}

	@Override
	public void reset(Limit limit, String subject) {
		this.buckets.invalidate(key(limit, subject));
	}

	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	@Override
	protected Bucket bucket(Limit limit, String subject) {
		return this.buckets
			.get(key(limit, subject),
					(key) -> new Entry(
							Bucket.builder().addLimit(limit.bandwidth()).withCustomTimePrecision(this.clock).build(),
							idleTime(limit)))
			.bucket();
	}

	private static String key(Limit limit, String subject) {
		return limit.key(subject);
	}

	/**
	 * A bucket idle for two periods is full again (a penalized one has paid off a little
	 * debt too), so forgetting it changes nothing.
	 */
	private static Duration idleTime(Limit limit) {
		return limit.period().multipliedBy(2);
	}

	private record Entry(Bucket bucket, Duration idle) {
	}

}
