package dev.parley.cache;

import java.util.Optional;

/**
 * An exact-match cache of model replies, keyed by {@link CacheKeys#of}. It never fails
 * its caller: a cache that cannot be reached answers a miss and skips a put.
 */
public interface ResponseCache {

	/** The reply stored under {@code key}, if one is there and has not expired. */
	Optional<CachedReply> get(String key);

	/**
	 * Stores {@code reply} under {@code key} for the configured time to live; a reply
	 * longer than {@code parley.cache.max-reply-chars} is not stored. Callers put only
	 * replies that completed normally.
	 */
	void put(String key, CachedReply reply);

}
