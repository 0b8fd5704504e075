package dev.parley.cache;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The response cache over a store: counts hits and misses
 * ({@code parley.cache.requests{result=hit|miss}}) and leaves out replies that are too
 * long.
 */
final class DefaultResponseCache implements ResponseCache {

	private final CacheStore store;

	private final int maxReplyChars;

	private final Counter hits;

	private final Counter misses;

	DefaultResponseCache(CacheStore store, int maxReplyChars, MeterRegistry registry) {
		this.store = store;
		this.maxReplyChars = maxReplyChars;
		this.hits = counter(registry, "hit");
		this.misses = counter(registry, "miss");
	}

	@Override
	public Optional<CachedReply> get(String key) {
		Optional<CachedReply> reply = this.store.get(key);
		(reply.isPresent() ? this.hits : this.misses).increment();
		return reply;
	}

	@Override
	public void put(String key, CachedReply reply) {
		if (reply.content().length() <= this.maxReplyChars) {
			this.store.put(key, reply);
		}
	}

	private static Counter counter(MeterRegistry registry, String result) {
		return Counter.builder("parley.cache.requests")
			.description("Response cache look-ups by result")
			.tag("result", result)
			.register(registry);
	}

}
