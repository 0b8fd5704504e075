package dev.parley.platform.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Publishes the CORS rules as the {@code corsConfigurationSource} bean, which Spring
 * Security's CORS filter applies before authentication (so preflights need no token).
 * Features' {@link RouteCors} come first, so they win for their own routes.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

	@Bean
	UrlBasedCorsConfigurationSource corsConfigurationSource(HttpProperties properties, List<RouteCors> routes) {
		HttpProperties.Cors cors = properties.cors();
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		routes.forEach((route) -> route.pathPatterns()
			.forEach((pattern) -> source.registerCorsConfiguration(pattern, route.configuration())));
		if (cors.allowedOrigins().isEmpty()) {
			// No configuration at all: no CORS headers, the browser's same-origin policy
			// applies.
			return source;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(cors.allowedOrigins());
		configuration.setAllowedMethods(cors.allowedMethods());
		configuration.setAllowedHeaders(cors.allowedHeaders());
		configuration.setExposedHeaders(cors.exposedHeaders());
		configuration.setAllowCredentials(cors.allowCredentials());
		configuration.setMaxAge(cors.maxAge());
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

}
