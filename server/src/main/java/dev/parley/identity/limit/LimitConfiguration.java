package dev.parley.identity.limit;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.platform.problem.ProblemResponses;

/**
 * Wires the limits: buckets in Redis when Redis is configured (so instances share them),
 * in this process otherwise; the request filter right after Spring Security's; the token
 * quota in the database, checked against estimates where no other instance writes it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitProperties.class)
class LimitConfiguration {

	@Bean
	RateLimiter rateLimiter(ObjectProvider<StatefulRedisConnection<String, byte[]>> redis, MeterRegistry registry) {
		StatefulRedisConnection<String, byte[]> connection = redis.getIfAvailable();
		return (connection != null) ? new RedisRateLimiter(connection, new RedisOutage(registry))
				: new LocalRateLimiter(TimeMeter.SYSTEM_MILLISECONDS);
	}

	/**
	 * The quota is checked against {@link UsageEstimates} only where every charge passes
	 * through this instance: the embedded H2 file (not H2 over TCP), or
	 * {@code parley.identity.single-instance}.
	 */
	@Bean
	TokenBudgetRepository tokenBudget(JdbcClient jdbc, LimitProperties properties, LimitMetrics metrics, Clock clock,
			@Value("${spring.datasource.url:}") String databaseUrl,
			@Value("${parley.identity.single-instance:false}") boolean singleInstance) {
		boolean embedded = databaseUrl.startsWith("jdbc:h2:") && !databaseUrl.startsWith("jdbc:h2:tcp:")
				&& !databaseUrl.startsWith("jdbc:h2:ssl:");
		return new TokenBudgetRepository(jdbc, properties, metrics, clock,
				(embedded || singleInstance) ? new UsageEstimates() : null);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, LimitProperties properties,
			LimitMetrics metrics, ObjectProvider<SecurityFilterProperties> security, ProblemResponses problems) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limiter, properties, metrics, problems));
		// Right after Spring Security's filter, so the caller is known.
		int securityOrder = security.getIfAvailable(SecurityFilterProperties::new).getOrder();
		registration.setOrder(securityOrder + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/api/*", "/v1/*");
		return registration;
	}

}
