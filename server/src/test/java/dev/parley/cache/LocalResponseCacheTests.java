package dev.parley.cache;

import java.time.Duration;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-process cache: replies come back until the time to live runs out, it holds at
 * most {@code max-entries}, skips replies that are too long and counts hits and misses.
 */
class LocalResponseCacheTests {

	private final FakeTicker ticker = new FakeTicker();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CachedReply reply = new CachedReply("Hello there.", "stop", 12, 3, "gpt-4o-mini", "openai");

	@Test
	void aReplyComesBackUntilItsTimeToLiveRunsOut() {
		ResponseCache cache = cache(100, Duration.ofHours(1), 1000);
		assertThat(cache.get("k")).isEmpty();
		cache.put("k", this.reply);
		assertThat(cache.get("k")).contains(this.reply);
		assertThat(cache.get("other")).isEmpty();

		this.ticker.advance(Duration.ofMinutes(59));
		assertThat(cache.get("k")).contains(this.reply);
		this.ticker.advance(Duration.ofMinutes(1));
		assertThat(cache.get("k")).isEmpty();

		assertThat(this.registry.counter("parley.cache.requests", "result", "hit").count()).isEqualTo(2);
		assertThat(this.registry.counter("parley.cache.requests", "result", "miss").count()).isEqualTo(3);
	}

	@Test
	void aNewPutStartsAFreshTimeToLive() {
		ResponseCache cache = cache(100, Duration.ofMinutes(10), 1000);
		cache.put("k", this.reply);
		this.ticker.advance(Duration.ofMinutes(8));
		CachedReply newer = new CachedReply("Hi again.", "stop", 12, 3, "gpt-4o-mini", "openai");
		cache.put("k", newer);
		this.ticker.advance(Duration.ofMinutes(8));
		assertThat(cache.get("k")).contains(newer);
	}

	@Test
	void holdsAtMostMaxEntries() {
		ResponseCache cache = cache(10, Duration.ofHours(1), 1000);
		IntStream.range(0, 50).forEach((i) -> cache.put("k" + i, this.reply));
		long kept = IntStream.range(0, 50).filter((i) -> cache.get("k" + i).isPresent()).count();
		assertThat(kept).isBetween(1L, 10L);
	}

	@Test
	void repliesLongerThanTheLimitAreNotCached() {
		ResponseCache cache = cache(100, Duration.ofHours(1), 10);
		cache.put("short", new CachedReply("0123456789", "stop", 1, 1, null, null));
		cache.put("long", new CachedReply("0123456789x", "stop", 1, 1, null, null));
		assertThat(cache.get("short")).isPresent();
		assertThat(cache.get("long")).isEmpty();
	}

	private ResponseCache cache(long maxEntries, Duration ttl, int maxReplyChars) {
		return new DefaultResponseCache(new CaffeineCacheStore(maxEntries, ttl, this.ticker), maxReplyChars,
				this.registry);
	}

}
