package dev.parley.identity.limit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * One kind of limit: {@code capacity} events per {@code period}, refilled smoothly (one
 * token every {@code period / capacity}); a capacity of 0 means unlimited.
 *
 * @param name the metric tag and key prefix ({@code user}, {@code ip}, ...)
 * @param capacity how many events fit in one period
 * @param period the time in which a used-up bucket refills completely
 */
record Limit(String name, long capacity, Duration period) {

	boolean unlimited() {
		return this.capacity <= 0;
	}

	/**
	 * The bucket's key for {@code subject}, with the capacity in it: a limit changed by a
	 * quota override is a new bucket of the new capacity at once, on every instance,
	 * instead of an old bucket that keeps the configuration it was built with.
	 */
	String key(String subject) {
		return this.name + ":" + this.capacity + ":" + subject;
	}

	BucketConfiguration bucket() {
		return BucketConfiguration.builder().addLimit(bandwidth()).build();
	}

	Bandwidth bandwidth() {
		return Bandwidth.builder().capacity(this.capacity).refillGreedy(this.capacity, this.period).build();
	}

}
