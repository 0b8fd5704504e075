package dev.parley.compat.access;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;

import dev.parley.compat.CompatEnabled;
import dev.parley.compat.CompatProperties;
import dev.parley.platform.web.RouteCors;

/**
 * The cross-origin rules of the old systems' routes ({@code parley.compat.cors}): the old
 * front ends (seed 001 used flask-cors) may live on other origins; no credentials, since
 * the routes take API keys in headers.
 */
@Configuration(proxyBeanMethods = false)
@CompatEnabled
class CompatCors {

	/** With no origins configured, no rule: {@code parley.http.cors} applies. */
	@Bean
	RouteCors compatRouteCors(CompatProperties properties) {
		List<String> origins = properties.cors().allowedOrigins();
		if (origins.isEmpty()) {
			return new RouteCors(List.of(), new CorsConfiguration());
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(origins);
		configuration.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
		configuration.setAllowedHeaders(
				List.of("Authorization", "x-api-key", "Content-Type", "Accept", "Last-Event-ID", "Cache-Control"));
		configuration.setExposedHeaders(List.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
				"RateLimit-Reset", "Content-Disposition"));
		configuration.setMaxAge(Duration.ofHours(1));
		return new RouteCors(CompatRoutes.PATTERNS, configuration);
	}

}
