package dev.parley.cache;

import java.util.Optional;

/** Where cached replies live: this process's memory or Redis. */
interface CacheStore {

	/** The reply under {@code key}, or empty; never throws. */
	Optional<CachedReply> get(String key);

	/** Stores {@code reply} under {@code key}; never throws. */
	void put(String key, CachedReply reply);

}
