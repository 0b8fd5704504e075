package dev.parley.identity.limit;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import dev.parley.platform.cluster.RedisConfiguration;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.platform.problem.ProblemResponses;
import dev.parley.testsupport.TestRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which buckets Parley uses: Redis when {@code parley.redis.url} is set, local otherwise.
 */
class LimitConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RedisConfiguration.class, LimitConfiguration.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(LimitMetrics.class)
		.withBean(QuotaPolicy.class,
				() -> QuotaPolicy.defaults(new LimitProperties(120, 120, 30, 200_000, 5, 20, Duration.ofMinutes(15))))
		.withBean(ProblemResponses.class, () -> new ProblemResponses(List.of(), JsonConfiguration.storageJsonMapper()));

	@Test
	void withoutRedisBucketsAreLocal() {
		this.runner.withPropertyValues("parley.redis.url=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RateLimiter.class)).isInstanceOf(LocalRateLimiter.class);
			assertThat(context).doesNotHaveBean("redisClient");
		});
	}

	@Test
	void withRedisBucketsAreShared() {
		TestRedis.require();
		this.runner.withPropertyValues("parley.redis.url=" + TestRedis.URL).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RateLimiter.class)).isInstanceOf(SharedRateLimiter.class);
		});
	}

	@Test
	void theFilterRunsRightAfterSpringSecurity() {
		this.runner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
			// Spring Security's filter has order -100 unless spring.security.filter.order
			// says otherwise.
			assertThat(registration.getOrder()).isEqualTo(-99);
			assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/api/*", "/v1/*");
		});
	}

}
