package dev.parley.identity.limit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.platform.cluster.RedisConfiguration;
import dev.parley.testsupport.TcpProxy;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets in a real Redis: separate limiters (separate clients, as on two instances)
 * share one limit, and a Redis that goes away lets requests through until it is back.
 */
class RedisRateLimiterTests {

	private final List<RedisClient> clients = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final String subject = UUID.randomUUID().toString();

	@BeforeEach
	void requireRedis() {
		TestRedis.require();
	}

	@AfterEach
	void shutDown() {
		this.clients.forEach(RedisClient::shutdown);
	}

	@Test
	void twoInstancesShareOneLimit() {
		Limit limit = new Limit("user", 4, Duration.ofMinutes(1));
		RedisRateLimiter first = limiter(TestRedis.URL, new RedisOutage(this.registry));
		RedisRateLimiter second = limiter(TestRedis.URL, new RedisOutage(this.registry));
		assertThat(first.tryConsume(limit, this.subject).remaining()).isEqualTo(3);
		assertThat(second.tryConsume(limit, this.subject).remaining()).isEqualTo(2);
		assertThat(first.tryConsume(limit, this.subject).remaining()).isEqualTo(1);
		assertThat(second.tryConsume(limit, this.subject).remaining()).isZero();
		RateDecision refused = first.tryConsume(limit, this.subject);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(15);
		assertThat(refused.resetSeconds()).isEqualTo(60);
		assertThat(second.tryConsume(limit, this.subject).allowed()).isFalse();
		assertThat(second.tryConsume(limit, "someone-else").allowed()).isTrue();

		String key = "parley:rl:user:" + this.subject;
		try (StatefulRedisConnection<String, String> plain = client(TestRedis.URL).connect()) {
			assertThat(plain.sync().exists(key)).isEqualTo(1);
			// Redis drops the bucket by itself once it would be full again (plus a
			// margin).
			assertThat(plain.sync().pttl(key)).isBetween(1L, Duration.ofMinutes(2).toMillis());
		}
	}

	@Test
	void estimatesPenalizesAndResetsAcrossInstances() {
		Limit limit = new Limit("login_account", 2, Duration.ofMinutes(10));
		RedisRateLimiter first = limiter(TestRedis.URL, new RedisOutage(this.registry));
		RedisRateLimiter second = limiter(TestRedis.URL, new RedisOutage(this.registry));
		first.penalize(limit, this.subject);
		assertThat(second.estimate(limit, this.subject).allowed()).isTrue();
		second.penalize(limit, this.subject);
		RateDecision refused = first.estimate(limit, this.subject);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isBetween(299L, 300L);
		second.reset(limit, this.subject);
		assertThat(first.estimate(limit, this.subject).allowed()).isTrue();
	}

	@Test
	void letsRequestsThroughWhileRedisIsAwayAndLimitsAgainWhenItIsBack() throws Exception {
		Limit limit = new Limit("ip", 2, Duration.ofMinutes(1));
		RedisOutage outage = new RedisOutage(this.registry);
		try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT).start()) {
			RedisRateLimiter limiter = limiter("redis://127.0.0.1:" + proxy.port(), outage);
			limiter.tryConsume(limit, this.subject);
			limiter.tryConsume(limit, this.subject);
			assertThat(limiter.tryConsume(limit, this.subject).allowed()).isFalse();

			proxy.stop();
			for (int i = 0; i < 3; i++) {
				RateDecision open = limiter.tryConsume(limit, this.subject);
				assertThat(open.allowed()).isTrue();
				assertThat(open.known()).isFalse();
			}
			limiter.penalize(limit, this.subject);
			limiter.reset(limit, this.subject);
			assertThat(limiter.estimate(limit, this.subject).allowed()).isTrue();
			assertThat(outage.down()).isTrue();
			assertThat(this.registry.counter("parley.ratelimit.failures").count()).isGreaterThanOrEqualTo(6);

			proxy.start();
			RateDecision back = RateDecision.unknown(limit);
			for (int i = 0; i < 300 && !back.known(); i++) {
				Thread.sleep(100);
				back = limiter.tryConsume(limit, this.subject);
			}
			assertThat(back.known()).as("limits reach Redis again within 30 s").isTrue();
			// The bucket kept in Redis is still used up: nothing was lost or reset.
			assertThat(back.allowed()).isFalse();
			assertThat(outage.down()).isFalse();
		}
	}

	private RedisRateLimiter limiter(String url, RedisOutage outage) {
		StatefulRedisConnection<String, byte[]> connection = client(url)
			.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		return new RedisRateLimiter(connection, outage);
	}

	private RedisClient client(String url) {
		RedisClient client = RedisConfiguration.createClient(url);
		this.clients.add(client);
		return client;
	}

}
