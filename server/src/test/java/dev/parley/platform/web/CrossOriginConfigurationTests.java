package dev.parley.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CORS settings bind with safe defaults, open nothing unless origins are listed, and
 * refuse a wildcard origin together with credentials at start-up.
 */
class CrossOriginConfigurationTests {

	@Test
	void byDefaultNoOriginIsAllowedAndTheBodyLimitIsOneMebibyte() {
		HttpProperties properties = bind(Map.of());
		assertThat(properties.maxRequestBytes().toBytes()).isEqualTo(1_048_576);
		assertThat(properties.cors().allowedOrigins()).isEmpty();
		assertThat(new CrossOriginConfiguration().corsConfigurationSource(properties, List.of())
			.getCorsConfiguration(new MockHttpServletRequest("OPTIONS", "/api/v1/conversations"))).isNull();
	}

	@Test
	void listedOriginsGetTheDocumentedRules() {
		HttpProperties properties = bind(Map.of("parley.http.cors.allowed-origins",
				"https://app.example.com, https://*.example.org", "parley.http.max-request-bytes", "2MB"));
		assertThat(properties.maxRequestBytes().toBytes()).isEqualTo(2 * 1_048_576);
		CorsConfiguration cors = new CrossOriginConfiguration().corsConfigurationSource(properties, List.of())
			.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/conversations"));
		assertThat(cors).isNotNull();
		assertThat(cors.checkOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
		assertThat(cors.checkOrigin("https://chat.example.org")).isEqualTo("https://chat.example.org");
		assertThat(cors.checkOrigin("https://evil.example")).isNull();
		assertThat(cors.getAllowedMethods()).containsExactly("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
		assertThat(cors.getAllowedHeaders()).containsExactly("Authorization", "Content-Type", "Last-Event-ID",
				"Accept");
		assertThat(cors.getExposedHeaders()).contains("Retry-After", "RateLimit-Reset", "Location");
		assertThat(cors.getAllowCredentials()).isFalse();
		assertThat(cors.getMaxAge()).isEqualTo(3600);
	}

	@Test
	void aFeaturesOwnRoutesTakeItsRulesBeforeTheGeneralOnes() {
		HttpProperties properties = bind(Map.of("parley.http.cors.allowed-origins", "https://app.example.com"));
		CorsConfiguration own = new CorsConfiguration();
		own.setAllowedOriginPatterns(List.of("https://old.example.net"));
		var source = new CrossOriginConfiguration().corsConfigurationSource(properties,
				List.of(new RouteCors(List.of("/api/chat", "/api/v1/chat/**"), own)));
		assertThat(source.getCorsConfiguration(new MockHttpServletRequest("POST", "/api/v1/chat/s-1/stream"))
			.checkOrigin("https://old.example.net")).isEqualTo("https://old.example.net");
		assertThat(source.getCorsConfiguration(new MockHttpServletRequest("POST", "/api/chat"))
			.checkOrigin("https://app.example.com")).isNull();
		assertThat(source.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/v1/conversations"))
			.checkOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
	}

	@Test
	void aWildcardOriginWithCredentialsIsRefused() {
		assertThatThrownBy(() -> bind(
				Map.of("parley.http.cors.allowed-origins", "*", "parley.http.cors.allow-credentials", "true")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("must not contain '*'");
	}

	private static HttpProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("parley.http", HttpProperties.class);
	}

}
