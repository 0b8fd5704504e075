package dev.parley.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.cluster.RedisConfigured;
import dev.parley.platform.cluster.RedisLink;

/** The health components that exist only in some set-ups. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean("redisHealthIndicator")
	@Conditional(RedisConfigured.class)
	RedisHealthIndicator redisHealthIndicator(RedisLink link) {
		return new RedisHealthIndicator(link);
	}

}
