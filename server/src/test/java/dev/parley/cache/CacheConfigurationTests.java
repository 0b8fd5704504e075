package dev.parley.cache;

import java.util.UUID;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.parley.platform.cluster.RedisConfiguration;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where replies are cached: in Redis when {@code parley.redis.url} is set, locally
 * otherwise.
 */
class CacheConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RedisConfiguration.class, CacheConfiguration.class, JsonConfiguration.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	private final CachedReply reply = new CachedReply("Hello.", "stop", 5, 2, "gpt-4o-mini", "openai");

	@Test
	void withoutRedisRepliesAreKeptInThisProcess() {
		this.runner.withPropertyValues("parley.redis.url=").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("redisClient");
			ResponseCache cache = context.getBean(ResponseCache.class);
			cache.put("k", this.reply);
			assertThat(cache.get("k")).contains(this.reply);
		});
	}

	@Test
	void withRedisRepliesAreKeptInRedis() {
		TestRedis.require();
		String key = UUID.randomUUID().toString();
		this.runner.withPropertyValues("parley.redis.url=" + TestRedis.URL, "parley.cache.ttl=2m").run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(ResponseCache.class).put(key, this.reply);
			StatefulRedisConnection<String, byte[]> redis = context.getBean(RedisLink.class).binary();
			String stored = RedisCacheStore.KEY_PREFIX + key;
			try {
				assertThat(redis.sync().ttl(stored)).isBetween(1L, 120L);
			}
			finally {
				redis.sync().del(stored);
			}
		});
	}

	@Test
	void aTimeToLiveUnderOneSecondStopsTheStart() {
		this.runner.withPropertyValues("parley.cache.ttl=500ms").run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void theDefaultsApply() {
		this.runner.run((context) -> {
			CacheProperties properties = context.getBean(CacheProperties.class);
			assertThat(properties.maxEntries()).isEqualTo(10000);
			assertThat(properties.ttl()).hasHours(1);
			assertThat(properties.maxReplyChars()).isEqualTo(100000);
		});
	}

}
