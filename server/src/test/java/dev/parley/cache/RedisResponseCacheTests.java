package dev.parley.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.platform.cluster.RedisConfiguration;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.testsupport.TcpProxy;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The cache in a real Redis: shared by separate clients (as by two instances), dropped by
 * Redis after the time to live, and a Redis that goes away is a miss, never an error.
 */
class RedisResponseCacheTests {

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<RedisLink> links = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final String key = UUID.randomUUID().toString().replace("-", "");

	private final CachedReply reply = new CachedReply("Hello, 世界 \"quoted\"\n", "stop", 12, 3, "gpt-4o-mini", "openai");

	@BeforeEach
	void requireRedis() {
		TestRedis.require();
	}

	@AfterEach
	void shutDown() {
		try (StatefulRedisConnection<String, String> plain = client(TestRedis.URL).connect()) {
			plain.sync().del(RedisCacheStore.KEY_PREFIX + this.key);
		}
		this.links.forEach(RedisLink::close);
		this.clients.forEach(RedisClient::shutdown);
	}

	@Test
	void twoInstancesShareRepliesThatRedisDropsAfterTheTimeToLive() {
		ResponseCache first = cache(TestRedis.URL, Duration.ofMinutes(5), 1000, new CacheOutage(this.registry));
		ResponseCache second = cache(TestRedis.URL, Duration.ofMinutes(5), 1000, new CacheOutage(this.registry));
		assertThat(second.get(this.key)).isEmpty();
		first.put(this.key, this.reply);
		assertThat(second.get(this.key)).contains(this.reply);
		assertThat(first.get(this.key)).contains(this.reply);

		try (StatefulRedisConnection<String, String> plain = client(TestRedis.URL).connect()) {
			String stored = RedisCacheStore.KEY_PREFIX + this.key;
			assertThat(plain.sync().ttl(stored)).isBetween(1L, 300L);
			assertThat(plain.sync().get(stored)).contains("\"finish_reason\":\"stop\"")
				.contains("\"prompt_tokens\":12");
		}
		assertThat(this.registry.find("parley.cache.requests").tag("result", "hit").counter().count()).isEqualTo(2);
		assertThat(this.registry.find("parley.cache.requests").tag("result", "miss").counter().count()).isEqualTo(1);
	}

	@Test
	void repliesWithNullFieldsComeBackAsTheyWere() {
		ResponseCache cache = cache(TestRedis.URL, Duration.ofMinutes(1), 1000, new CacheOutage(this.registry));
		CachedReply bare = new CachedReply("", null, 0, 0, null, null);
		cache.put(this.key, bare);
		assertThat(cache.get(this.key)).contains(bare);
	}

	@Test
	void repliesLongerThanTheLimitAreNotStored() {
		ResponseCache cache = cache(TestRedis.URL, Duration.ofMinutes(1), 5, new CacheOutage(this.registry));
		cache.put(this.key, this.reply);
		assertThat(cache.get(this.key)).isEmpty();
	}

	@Test
	void aValueThatIsNotAReplyIsAMiss() {
		try (StatefulRedisConnection<String, String> plain = client(TestRedis.URL).connect()) {
			plain.sync().setex(RedisCacheStore.KEY_PREFIX + this.key, 60, "not json {");
		}
		ResponseCache cache = cache(TestRedis.URL, Duration.ofMinutes(1), 1000, new CacheOutage(this.registry));
		assertThat(cache.get(this.key)).isEmpty();
	}

	@Test
	void missesWhileRedisIsAwayAndHitsAgainWhenItIsBack() throws Exception {
		CacheOutage outage = new CacheOutage(this.registry);
		try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT).start()) {
			ResponseCache cache = cache("redis://127.0.0.1:" + proxy.port(), Duration.ofMinutes(5), 1000, outage);
			cache.put(this.key, this.reply);
			assertThat(cache.get(this.key)).contains(this.reply);

			proxy.stop();
			for (int i = 0; i < 3; i++) {
				assertThat(cache.get(this.key)).isEmpty();
			}
			assertThatNoException().isThrownBy(() -> cache.put(this.key + "-away", this.reply));
			assertThat(outage.down()).isTrue();
			assertThat(this.registry.counter("parley.cache.failures").count()).isGreaterThanOrEqualTo(4);

			proxy.start();
			Optional<CachedReply> back = Optional.empty();
			for (int i = 0; i < 300 && back.isEmpty(); i++) {
				Thread.sleep(100);
				back = cache.get(this.key);
			}
			assertThat(back).as("the reply stored before the outage comes back within 30 s").contains(this.reply);
			assertThat(outage.down()).isFalse();
		}
	}

	private ResponseCache cache(String url, Duration ttl, int maxReplyChars, CacheOutage outage) {
		RedisLink link = new RedisLink(client(url), this.registry);
		link.start();
		this.links.add(link);
		return new DefaultResponseCache(new RedisCacheStore(link, ttl, outage, JsonConfiguration.storageJsonMapper()),
				maxReplyChars, this.registry);
	}

	private RedisClient client(String url) {
		RedisClient client = RedisConfiguration.createClient(url);
		this.clients.add(client);
		return client;
	}

}
