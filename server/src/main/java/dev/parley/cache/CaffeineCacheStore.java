package dev.parley.cache;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/** Replies in this process's memory: at most {@code maxEntries}, each for {@code ttl}. */
final class CaffeineCacheStore implements CacheStore {

	private final Cache<String, CachedReply> replies;

	CaffeineCacheStore(long maxEntries, Duration ttl, Ticker ticker) {
		this.replies = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.expireAfterWrite(ttl)
			.ticker(ticker)
			// Evict on the caller's thread: no background work, and the bound holds at
			// once.
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Optional<CachedReply> get(String key) {
		return Optional.ofNullable(this.replies.getIfPresent(key));
	}

	@Override
	public void put(String key, CachedReply reply) {
		this.replies.put(key, reply);
	}

}
