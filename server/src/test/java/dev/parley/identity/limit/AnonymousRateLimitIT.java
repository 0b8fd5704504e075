package dev.parley.identity.limit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application limits callers without credentials per IP address on the login
 * route: 429 with {@code Retry-After}, {@code RateLimit-*} headers and a problem, counted
 * in the metrics; health checks are never limited.
 */
@TestPropertySource(properties = "parley.limits.anonymous-requests-per-minute=3")
class AnonymousRateLimitIT extends WholeAppTestBase {

	@Autowired
	private FilterRegistrationBean<RateLimitFilter> rateLimitFilter;

	@Autowired
	private SecurityFilterProperties security;

	@Test
	void loginAttemptsFromOneAddressAreLimited() {
		for (int remaining = 2; remaining >= 0; remaining--) {
			Response response = login();
			assertThat(response.status()).isNotEqualTo(429);
			assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("3");
			assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(remaining));
		}
		Response refused = login();
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 20L));
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = refused.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://parley.dev/problems/rate-limited");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/auth/login");

		Response health = get("/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.headers().firstValue("RateLimit-Limit")).isEmpty();
		assertThat(get("/actuator/prometheus").body()).contains("parley_ratelimit_rejections_total{limit=\"ip\"} 1.0");
	}

	@Test
	void theFilterRunsAfterSpringSecurity() {
		assertThat(this.rateLimitFilter.getOrder()).isEqualTo(this.security.getOrder() + 1);
	}

	private Response login() {
		return request("POST", "/api/v1/auth/login").accept(null)
			.json("{\"email\":\"ann@example.com\",\"password\":\"wrong\"}")
			.send();
	}

	private Response get(String path) {
		return request("GET", path).accept(null).send();
	}

}
