package dev.parley.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's shared beans: the clock every feature reads the time from (so tests can
 * set it) and the settings of no one feature.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParleyProperties.class)
public class PlatformConfiguration {

	/** UTC system time; persisted instants go through {@code Jdbc.now(clock)}. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
