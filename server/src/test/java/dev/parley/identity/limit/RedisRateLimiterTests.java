package dev.parley.identity.limit;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.TcpProxy;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.TestRedisLinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buckets in a real Redis: separate limiters (separate clients, as on two instances)
 * share one limit; while Redis is away each instance enforces the limits with its own
 * buckets, and it shares them again once Redis is back, also when Redis was away at
 * start-up.
 */
class RedisRateLimiterTests {

	private final TestRedisLinks redis = new TestRedisLinks();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final String subject = UUID.randomUUID().toString();

	@BeforeEach
	void requireRedis() {
		TestRedis.require();
	}

	@AfterEach
	void shutDown() {
		this.redis.close();
	}

	@Test
	void twoInstancesShareOneLimit() {
		Limit limit = new Limit("user", 4, Duration.ofMinutes(1));
		RateLimiter first = limiter(TestRedis.URL, new RedisOutage(this.registry));
		RateLimiter second = limiter(TestRedis.URL, new RedisOutage(this.registry));
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

		String key = "parley:rl:user:" + limit.capacity() + ":" + this.subject;
		try (StatefulRedisConnection<String, String> plain = this.redis.client(TestRedis.URL).connect()) {
			assertThat(plain.sync().exists(key)).isEqualTo(1);
			// Redis drops the bucket by itself once it would be full again (plus a
			// margin).
			assertThat(plain.sync().pttl(key)).isBetween(1L, Duration.ofMinutes(2).toMillis());
		}
	}

	@Test
	void estimatesPenalizesAndResetsAcrossInstances() {
		Limit limit = new Limit("login_account", 2, Duration.ofMinutes(10));
		RateLimiter first = limiter(TestRedis.URL, new RedisOutage(this.registry));
		RateLimiter second = limiter(TestRedis.URL, new RedisOutage(this.registry));
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
	void limitsEachInstanceAloneWhileRedisIsAwayAndSharesAgainWhenItIsBack() throws Exception {
		Limit limit = new Limit("ip", 2, Duration.ofMinutes(1));
		RedisOutage outage = new RedisOutage(this.registry);
		try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT).start()) {
			RedisLink link = link("redis://127.0.0.1:" + proxy.port());
			RateLimiter limiter = new SharedRateLimiter(link, outage);
			limiter.tryConsume(limit, this.subject);
			limiter.tryConsume(limit, this.subject);
			assertThat(limiter.tryConsume(limit, this.subject).allowed()).isFalse();

			proxy.stop();
			Eventually.eventually("the link notices Redis is away").until(() -> !link.up());
			// This instance's own bucket: the limit still holds, per instance.
			assertThat(limiter.tryConsume(limit, this.subject).allowed()).isTrue();
			assertThat(limiter.tryConsume(limit, this.subject).allowed()).isTrue();
			RateDecision refusedAlone = limiter.tryConsume(limit, this.subject);
			assertThat(refusedAlone.allowed()).isFalse();
			assertThat(refusedAlone.known()).isTrue();
			assertThat(outage.down()).isTrue();
			assertThat(this.registry.counter("parley.ratelimit.failures").count()).isGreaterThanOrEqualTo(3);
			assertThat(this.registry.get("parley.redis.up").gauge().value()).isZero();

			proxy.start();
			Eventually.eventually("the link reaches Redis again").until(link::up);
			// The bucket kept in Redis is still used up: nothing was lost or reset.
			RateDecision back = limiter.tryConsume(limit, this.subject);
			assertThat(back.allowed()).isFalse();
			assertThat(back.remaining()).isZero();
			assertThat(outage.down()).isFalse();
			assertThat(this.registry.get("parley.redis.up").gauge().value()).isEqualTo(1);
		}
	}

	@Test
	void startsWhileRedisIsAwayAndSharesOnceItAnswers() throws Exception {
		Limit limit = new Limit("user", 3, Duration.ofMinutes(1));
		RateLimiter other = limiter(TestRedis.URL, new RedisOutage(this.registry));
		other.tryConsume(limit, this.subject);
		other.tryConsume(limit, this.subject);
		try (TcpProxy proxy = new TcpProxy(TestRedis.HOST, TestRedis.PORT).start()) {
			proxy.stop();
			RedisLink link = link("redis://127.0.0.1:" + proxy.port());
			assertThat(link.up()).isFalse();
			RateLimiter limiter = new SharedRateLimiter(link, new RedisOutage(this.registry));
			assertThat(limiter.tryConsume(limit, this.subject).remaining()).as("own bucket while alone").isEqualTo(2);

			proxy.start();
			Eventually.eventually("the link connects once Redis answers").until(link::up);
			assertThat(limiter.tryConsume(limit, this.subject).remaining()).as("the shared bucket").isZero();
			assertThat(other.tryConsume(limit, this.subject).allowed()).isFalse();
		}
	}

	private RateLimiter limiter(String url, RedisOutage outage) {
		return new SharedRateLimiter(link(url), outage);
	}

	private RedisLink link(String url) {
		return this.redis.link(url, this.registry);
	}

}
