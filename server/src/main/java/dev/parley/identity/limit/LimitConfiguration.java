package dev.parley.identity.limit;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.problem.ProblemResponses;

/**
 * Wires the limits: buckets in Redis when Redis is configured (so instances share them,
 * with this instance's own while Redis is away), in this process otherwise; the request
 * filter right after Spring Security's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitProperties.class)
class LimitConfiguration {

	@Bean
	RateLimiter rateLimiter(ObjectProvider<RedisLink> redis, MeterRegistry registry) {
		RedisLink link = redis.getIfAvailable();
		return (link != null) ? new SharedRateLimiter(link, new RedisOutage(registry))
				: new LocalRateLimiter(TimeMeter.SYSTEM_MILLISECONDS);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, LimitProperties properties,
			QuotaPolicy quotas, LimitMetrics metrics, ObjectProvider<SecurityFilterProperties> security,
			ProblemResponses problems) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limiter, properties, quotas, metrics, problems));
		// Right after Spring Security's filter, so the caller is known.
		int securityOrder = security.getIfAvailable(SecurityFilterProperties::new).getOrder();
		registration.setOrder(securityOrder + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.addUrlPatterns("/api/*", "/v1/*");
		return registration;
	}

}
